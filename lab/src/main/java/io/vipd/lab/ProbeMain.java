package io.vipd.lab;

import io.vipd.net.EchoReply;
import io.vipd.net.IcmpEchoProber;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The child JVM behind {@link Probe}, run inside a lab host: {@code ProbeMain <interface> <ipv4>
 * <interval-ms>} pings the address at a fixed rate and prints {@code ready} once, then one line per reply,
 * {@code reply <nanoTime> <sequence> <source-mac>}. It exits when its standard input closes (the parent
 * went away) or when stdout breaks.
 */
public final class ProbeMain {
  private ProbeMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: ProbeMain <interface> <ipv4> <interval-ms>");
      System.exit(2);
    }
    Inet4Address target = (Inet4Address) InetAddress.getByName(args[1]);
    long intervalNanos = Duration.ofMillis(Long.parseLong(args[2])).toNanos();
    int identifier = (int) ProcessHandle.current().pid();
    try (IcmpEchoProber prober = IcmpEchoProber.open(args[0], target, identifier)) {
      daemon(ProbeMain::exitWhenStdinCloses, "probe-stdin");
      daemon(() -> sendAtFixedRate(prober, intervalNanos), "probe-send");
      System.out.println("ready");
      System.out.flush();
      while (true) {
        Optional<EchoReply> reply = prober.receive(Duration.ofSeconds(1));
        if (reply.isPresent()) {
          EchoReply r = reply.get();
          System.out.println("reply " + r.nanos() + " " + r.sequence() + " " + r.sourceMac());
          System.out.flush();
          if (System.out.checkError()) {
            return;
          }
        }
      }
    }
  }

  /** Sends on a fixed schedule; after a stall it resumes from now instead of sending a burst. */
  private static void sendAtFixedRate(IcmpEchoProber prober, long intervalNanos) {
    long next = System.nanoTime();
    for (int sequence = 0; ; sequence = (sequence + 1) & 0xffff) {
      try {
        prober.send(sequence);
      } catch (IOException e) {
        // No route or no neighbour yet: the next request tries again, like ping.
        System.out.println("send-error " + sequence + " " + e.getMessage());
      }
      next += intervalNanos;
      long now = System.nanoTime();
      if (next < now - intervalNanos) {
        next = now;
      }
      LockSupport.parkNanos(next - now);
    }
  }

  private static void exitWhenStdinCloses() {
    try {
      InputStream in = System.in;
      while (in.read() >= 0) {
        // nothing is ever sent; only the end matters
      }
    } catch (IOException e) {
      // treat as closed
    }
    System.exit(0);
  }

  private static void daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }
}
