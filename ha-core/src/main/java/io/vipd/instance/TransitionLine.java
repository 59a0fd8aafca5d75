package io.vipd.instance;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log line of one state change, {@code db-vip: BACKUP -> MASTER (reason), priority 150}: written by
 * {@link VrrpInstance}, read back by the tests and benchmarks, so its format has one home.
 *
 * @param at the time of day the log line starts with ({@code HH:mm:ss.SSS}, the shipped logback pattern), or
 *     null when the line has none
 */
public record TransitionLine(LocalTime at, String instance, String from, String to, String reason, int priority) {
  private static final Pattern MESSAGE = Pattern.compile("(\\S+): (\\w+) -> (\\w+) \\((.*)\\), priority (\\d+)$");

  /** The message as the instance logs it. */
  public static String message(String instance, Object from, Object to, String reason, int priority) {
    return instance + ": " + from + " -> " + to + " (" + reason + "), priority " + priority;
  }

  /** The transition in one log line, if the line is one. */
  public static Optional<TransitionLine> parse(String line) {
    Matcher m = MESSAGE.matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(new TransitionLine(timeOf(line), m.group(1), m.group(2), m.group(3), m.group(4),
        Integer.parseInt(m.group(5))));
  }

  /** Every transition of {@code instance} in a log's text, oldest first. */
  public static List<TransitionLine> in(String logText, String instance) {
    return logText.lines().map(TransitionLine::parse).flatMap(Optional::stream)
        .filter(t -> t.instance().equals(instance)).toList();
  }

  /** The time from {@code start} to this transition. */
  public Duration after(LocalTime start) {
    return elapsed(start, at);
  }

  /** From one log stamp to a later one; stamps are times of day, so this wraps at midnight. */
  public static Duration elapsed(LocalTime from, LocalTime to) {
    Duration d = Duration.between(from, to);
    return d.isNegative() && d.toHours() <= -12 ? d.plusDays(1) : d;
  }

  /** The stamp a vipd log line starts with ({@code HH:mm:ss.SSS}, logback.xml), or null. */
  public static LocalTime timeOf(String line) {
    try {
      return line.length() >= 12 ? LocalTime.parse(line.substring(0, 12)) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public boolean isTo(String state) {
    return to.equals(state);
  }

  @Override
  public String toString() {
    return from + " -> " + to + " (" + reason + ")";
  }
}
