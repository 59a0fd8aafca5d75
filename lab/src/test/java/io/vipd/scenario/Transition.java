package io.vipd.scenario;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One state change as {@code vipd run} logs it: {@code 12:00:01.234 INFO ... - vip: BACKUP -> MASTER (reason), priority 150}. */
record Transition(LocalTime at, String from, String to, String reason) {
  private static final Pattern LINE = Pattern.compile(
      "^(\\d{2}:\\d{2}:\\d{2}\\.\\d{3}) INFO .* - vip: (\\w+) -> (\\w+) \\((.*)\\), priority \\d+$",
      Pattern.MULTILINE);

  static List<Transition> parse(String log) {
    List<Transition> transitions = new ArrayList<>();
    Matcher m = LINE.matcher(log);
    while (m.find()) {
      transitions.add(new Transition(LocalTime.parse(m.group(1)), m.group(2), m.group(3), m.group(4)));
    }
    return transitions;
  }

  /** The time from {@code start} to this transition (log stamps are wall-clock time of day, so wrap at midnight). */
  Duration after(LocalTime start) {
    Duration d = Duration.between(start, at);
    return d.isNegative() && d.toHours() <= -12 ? d.plusDays(1) : d;
  }
}
