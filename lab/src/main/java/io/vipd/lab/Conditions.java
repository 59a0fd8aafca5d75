package io.vipd.lab;

import java.io.IOException;
import java.time.Duration;

/** Polls a condition about the lab (an address on a host, say) until it holds or a deadline passes. */
public final class Conditions {
  /** A condition that may need to run a command to find out. */
  public interface Check {
    boolean holds() throws IOException;
  }

  private static final long POLL_MILLIS = 20;

  private Conditions() {}

  /** Whether {@code check} came to hold within {@code timeout}. */
  public static boolean await(Check check, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.holds()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(POLL_MILLIS);
    }
    return true;
  }
}
