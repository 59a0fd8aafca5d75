package io.vipd.e2e.udp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The replies in the output of {@code ping -n -D -i INTERVAL}: which echo requests went unanswered, and
 * (from the timestamps of the replies around them) about when they were sent.
 */
final class PingLog {
  private static final Pattern REPLY = Pattern.compile("^\\[(\\d+)\\.(\\d{6})\\] \\d+ bytes from .* icmp_seq=(\\d+) ");

  private record Reply(int sequence, long epochMillis) {}

  private final List<Reply> replies = new ArrayList<>();
  private final long intervalMillis;

  PingLog(Path output, long intervalMillis) throws IOException {
    this.intervalMillis = intervalMillis;
    for (String line : Files.readAllLines(output)) {
      Matcher m = REPLY.matcher(line);
      if (m.find()) {
        long millis = Long.parseLong(m.group(1)) * 1000 + Long.parseLong(m.group(2)) / 1000;
        replies.add(new Reply(Integer.parseInt(m.group(3)), millis));
      }
    }
  }

  int replies() {
    return replies.size();
  }

  /** The longest run of consecutive unanswered requests between two replies. */
  int longestGap() {
    int longest = 0;
    for (int i = 1; i < replies.size(); i++) {
      longest = Math.max(longest, replies.get(i).sequence() - replies.get(i - 1).sequence() - 1);
    }
    return longest;
  }

  /**
   * Unanswered requests sent (by estimate: the previous reply's time plus one interval per request) between
   * {@code fromMillis} and {@code toMillis}, wall clock.
   */
  List<Integer> lostBetween(long fromMillis, long toMillis) {
    List<Integer> lost = new ArrayList<>();
    for (int i = 1; i < replies.size(); i++) {
      Reply before = replies.get(i - 1);
      for (int seq = before.sequence() + 1; seq < replies.get(i).sequence(); seq++) {
        long sent = before.epochMillis() + (seq - before.sequence()) * intervalMillis;
        if (sent >= fromMillis && sent <= toMillis) {
          lost.add(seq);
        }
      }
    }
    return lost;
  }
}
