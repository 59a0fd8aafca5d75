package io.vipd.daemon;

import java.util.List;

/** The daemon cannot start; each problem is a line a user can act on. */
public final class StartupException extends Exception {
  private final List<String> problems;

  public StartupException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public StartupException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
