package io.vipd.lab;

import io.vipd.instance.TransitionLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * Reads the log a {@link VipdProcess} writes ({@code HH:mm:ss.SSS LEVEL [thread] logger - message}, every run
 * appending to the same file): its lines, their times and the instances' transitions. Every lab node runs
 * on this machine, so the times of two nodes' logs are comparable.
 */
public record VipdLog(Path file) {

  public String text() {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every line containing {@code text}. */
  public List<String> lines(String text) {
    return text().lines().filter(line -> line.contains(text)).toList();
  }

  public boolean contains(String text) {
    return !lines(text).isEmpty();
  }

  public int count(String text) {
    return lines(text).size();
  }

  /** Every state change of {@code instance} so far, oldest first, across restarts. */
  public List<TransitionLine> transitions(String instance) {
    return TransitionLine.in(text(), instance);
  }

  /** The state {@code instance} last logged entering, or {@code NONE} before its first transition. */
  public String state(String instance) {
    List<TransitionLine> all = transitions(instance);
    return all.isEmpty() ? "NONE" : all.get(all.size() - 1).to();
  }

  /** The time of the last line containing {@code text}. */
  public Optional<LocalTime> lastTime(String text) {
    List<String> found = lines(text);
    return found.isEmpty() ? Optional.empty() : Optional.of(timeOf(found.get(found.size() - 1)));
  }

  /** The time from {@code from}'s last line with {@code fromText} to this log's last line with {@code text}. */
  public Duration since(VipdLog from, String fromText, String text) {
    LocalTime start = from.lastTime(fromText).orElseThrow(() -> new AssertionError(
        "no line with '" + fromText + "' in " + from.file()));
    LocalTime end = lastTime(text).orElseThrow(() -> new AssertionError("no line with '" + text + "' in " + file));
    return TransitionLine.elapsed(start, end);
  }

  private static LocalTime timeOf(String line) {
    LocalTime time = TransitionLine.timeOf(line);
    if (time == null) {
      throw new AssertionError("not a timestamped log line: " + line);
    }
    return time;
  }
}
