package io.vipd.e2e.udp;

import io.vipd.instance.TransitionLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a vipd process logged (every run appends to the same file): the instance's state changes and the
 * udp transport's dropped datagrams. Drops are logged one line each at debug (the first from a source in a
 * minute as a warning), so counting lines counts drops when the daemon runs with {@code VIPD_LOG_LEVEL=DEBUG}.
 */
final class VipdLog {
  private static final Pattern DROP =
      Pattern.compile("dropped a datagram from (\\S+): ([a-z-]+) \\(");

  private final Path file;
  private final String instance;

  VipdLog(Path file, String instance) {
    this.file = file;
    this.instance = instance;
  }

  /** Every state change of the instance so far, oldest first, across restarts. */
  List<TransitionLine> transitions() {
    return TransitionLine.in(text(), instance);
  }

  /** The state of the last logged change, or {@code NONE} before the first. */
  String state() {
    List<TransitionLine> all = transitions();
    return all.isEmpty() ? "NONE" : all.get(all.size() - 1).to();
  }

  /** The transitions logged after the first {@code skip} ones. */
  List<TransitionLine> transitionsAfter(int skip) {
    List<TransitionLine> all = transitions();
    return all.subList(Math.min(skip, all.size()), all.size());
  }

  /** How many datagrams from {@code source} the transport dropped for {@code reason} ({@code bad-hmac}). */
  long drops(String source, String reason) {
    return lines().stream()
        .map(DROP::matcher)
        .filter(m -> m.find() && m.group(1).equals(source) && m.group(2).equals(reason))
        .count();
  }

  /** Every dropped-datagram line, for assertions that there were none. */
  List<String> dropLines() {
    return lines().stream().filter(line -> DROP.matcher(line).find()).toList();
  }

  String text() {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> lines() {
    return text().lines().toList();
  }
}
