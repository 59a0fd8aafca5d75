package io.vipd.lab;

import io.vipd.net.EchoReply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A client pinging an address at a fixed rate from inside a {@link LabHost}, recording which MAC answered
 * each request and when: the instrument for failover outages (replies to a VIP switch from the old
 * master's MAC to the new one's). It runs {@link ProbeMain} as a child JVM inside the host, with the
 * current Java and class path, and reads its lines.
 *
 * <p>Timestamps are {@link System#nanoTime()} of the child, which on Linux is the machine-wide monotonic
 * clock: callers compare them with their own {@code System.nanoTime()} (the moment of a kill, say).
 */
public final class Probe implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final int KEPT_OTHER_LINES = 20;

  private final Process process;
  private final String target;
  private final List<EchoReply> replies = new ArrayList<>();
  private final Deque<String> otherLines = new ArrayDeque<>();
  private boolean ready;
  private boolean ended;

  private Probe(Process process, String target) {
    this.process = process;
    this.target = target;
  }

  /**
   * Starts pinging {@code target} from {@code client}'s {@code eth0} every {@code interval}; returns once the
   * child has its sockets open.
   */
  public static Probe start(LabHost client, String target, Duration interval) throws IOException {
    List<String> command = List.of(VipdProcess.javaExecutable(), "-Xms16m", "-Xmx64m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ProbeMain.class.getName(),
        "eth0", target, Long.toString(interval.toMillis()));
    Probe probe = new Probe(client.spawnPiped(command), target);
    Thread reader = new Thread(probe::readLines, "probe-" + client.name());
    reader.setDaemon(true);
    reader.start();
    try {
      probe.awaitReady();
    } catch (IOException e) {
      probe.close();
      throw e;
    }
    return probe;
  }

  /** Parses one line of {@link ProbeMain}: {@code reply <nanos> <sequence> <mac>}; anything else is empty. */
  static Optional<EchoReply> parseLine(String line) {
    String[] words = line.trim().split(" ");
    if (words.length != 4 || !words[0].equals("reply") || !words[3].matches("(?i)([0-9a-f]{2}:){5}[0-9a-f]{2}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new EchoReply(Long.parseLong(words[1]), Integer.parseInt(words[2]),
          words[3].toLowerCase(java.util.Locale.ROOT)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void readLines() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        Optional<EchoReply> reply = parseLine(line);
        synchronized (this) {
          if (reply.isPresent()) {
            replies.add(reply.get());
          } else if (line.equals("ready")) {
            ready = true;
          } else {
            otherLines.addLast(line);
            if (otherLines.size() > KEPT_OTHER_LINES) {
              otherLines.removeFirst();
            }
          }
          notifyAll();
        }
      }
    } catch (IOException e) {
      // the process went away; fall through
    }
    synchronized (this) {
      ended = true;
      notifyAll();
    }
  }

  private synchronized void awaitReady() throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!ready) {
      long left = deadline - System.nanoTime();
      if (ended || left <= 0) {
        throw new IOException("the prober did not start" + (ended ? "" : " within " + START_TIMEOUT.toSeconds()
            + " s") + ": " + String.join(" | ", otherLines));
      }
      waitNanos(left);
    }
  }

  /** The address being pinged. */
  public String target() {
    return target;
  }

  /** Every reply so far, in arrival order. */
  public synchronized List<EchoReply> replies() {
    return List.copyOf(replies);
  }

  /** The replies that arrived at or after {@code nanos} ({@link System#nanoTime()}). */
  public synchronized List<EchoReply> repliesSince(long nanos) {
    return replies.stream().filter(r -> r.nanos() >= nanos).toList();
  }

  /** The most recent reply, if any. */
  public synchronized Optional<EchoReply> lastReply() {
    return replies.isEmpty() ? Optional.empty() : Optional.of(replies.get(replies.size() - 1));
  }

  /**
   * Waits until a reply from {@code mac} arrives at or after {@code sinceNanos}, for at most {@code timeout};
   * returns it, or empty on timeout (or when the prober died).
   */
  public synchronized Optional<EchoReply> awaitReplyFrom(String mac, long sinceNanos, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = 0;
    while (true) {
      for (; checked < replies.size(); checked++) {
        EchoReply reply = replies.get(checked);
        if (reply.nanos() >= sinceNanos && reply.sourceMac().equalsIgnoreCase(mac)) {
          return Optional.of(reply);
        }
      }
      long left = deadline - System.nanoTime();
      if (ended || left <= 0) {
        return Optional.empty();
      }
      waitNanos(left);
    }
  }

  /** {@link #awaitReplyFrom(String, long, Duration)} counting only replies from now on. */
  public Optional<EchoReply> awaitReplyFrom(String mac, Duration timeout) {
    return awaitReplyFrom(mac, System.nanoTime(), timeout);
  }

  /** The outage of a switch from {@code oldMac} to {@code newMac} among the replies since {@code sinceNanos}. */
  public Optional<Outage> outage(String oldMac, String newMac, long sinceNanos) {
    return Outage.of(repliesSince(sinceNanos), oldMac, newMac);
  }

  /** The prober's last lines that were not replies (errors, JVM warnings), for diagnostics. */
  public synchronized List<String> otherLines() {
    return List.copyOf(otherLines);
  }

  private void waitNanos(long nanos) {
    try {
      TimeUnit.NANOSECONDS.timedWait(this, Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(200)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the prober", e);
    }
  }

  /** Stops the child JVM. */
  @Override
  public void close() {
    LabHost.kill(process, Duration.ofSeconds(2));
  }
}
