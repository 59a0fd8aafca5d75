package io.vipd.cli;

import java.io.PrintWriter;
import java.util.List;

/** A command cannot do what was asked: the lines to print on stderr and the exit code. */
final class CommandFailure extends Exception {
  private final int exitCode;
  private final List<String> lines;

  CommandFailure(int exitCode, List<String> lines) {
    super(String.join("\n", lines));
    this.exitCode = exitCode;
    this.lines = List.copyOf(lines);
  }

  CommandFailure(int exitCode, String line) {
    this(exitCode, List.of(line));
  }

  /** Prints the lines and returns the exit code. */
  int report(PrintWriter err) {
    lines.forEach(err::println);
    err.flush();
    return exitCode;
  }
}
