package io.vipd.e2e.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads a vipd log ({@code HH:mm:ss.SSS LEVEL [thread] logger - message}): which lines say something, and
 * when. Every node runs on this machine, so the timestamps of two nodes' logs are comparable.
 */
record DaemonLog(Path file) {

  /** Every line containing {@code text}. */
  List<String> lines(String text) {
    try {
      return Files.readAllLines(file).stream().filter(l -> l.contains(text)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean contains(String text) {
    return !lines(text).isEmpty();
  }

  int count(String text) {
    return lines(text).size();
  }

  /** The timestamp of the last line containing {@code text}. */
  Optional<LocalTime> lastTime(String text) {
    List<String> found = lines(text);
    return found.isEmpty() ? Optional.empty() : Optional.of(timeOf(found.get(found.size() - 1)));
  }

  /** The time from {@code from}'s last line with {@code fromText} to this log's last with {@code text}. */
  Duration since(DaemonLog from, String fromText, String text) {
    LocalTime start = from.lastTime(fromText).orElseThrow(() -> new AssertionError(
        "no line with '" + fromText + "' in " + from.file()));
    LocalTime end = lastTime(text).orElseThrow(() -> new AssertionError("no line with '" + text + "' in " + file));
    Duration d = Duration.between(start, end);
    return d.isNegative() && d.toHours() < -12 ? d.plusDays(1) : d; // across midnight
  }

  String text() {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LocalTime timeOf(String line) {
    try {
      return LocalTime.parse(line.substring(0, 12));
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new AssertionError("not a timestamped log line: " + line, e);
    }
  }
}
