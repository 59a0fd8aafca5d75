package io.vipd.lab.demo;

import java.io.IOException;
import java.time.Duration;

/** Polls a condition about the lab (an address on a host, say) until it holds or a deadline passes. */
final class Conditions {
  /** A condition that may need to run a command to find out. */
  interface Check {
    boolean holds() throws IOException;
  }

  private static final long POLL_MILLIS = 50;

  private Conditions() {}

  /** Returns once {@code check} holds; throws {@link DemoFailure} with {@code failure} after {@code timeout}. */
  static void await(Check check, Duration timeout, String failure) throws DemoFailure, IOException,
      InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        throw new DemoFailure(failure + " (waited " + timeout.toSeconds() + " s)");
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
