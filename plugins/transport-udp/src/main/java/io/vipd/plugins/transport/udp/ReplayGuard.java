package io.vipd.plugins.transport.udp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rejects replayed and stale datagrams, per authenticated sender. Called only after the HMAC checked out, so
 * nobody without the key can touch its state. Not thread-safe: used on the transport's context.
 *
 * <p>A sender's run is named by a random epoch; within a run the sequence must grow. Within a run only
 * monotonic time is compared: the datagram may not arrive more than the window later than the
 * fastest-arriving datagram of that run did (same offset between the two clocks), so a constant clock skew
 * between hosts, or a clock step on either host, never blocks a running peer. The wall clock is compared only
 * when a run is first seen (start-up of either side): its timestamp must lie within the window of ours, and
 * must be newer than anything accepted from an earlier run of that sender, which rules out replaying the
 * previous run's datagrams.
 */
final class ReplayGuard {

  private static final class Run {
    final long epoch;
    long highestSequence;
    long newestTimestamp;
    /** Smallest (our monotonic ms - their timestamp) seen in this run: the arrival with the least delay. */
    long fastestOffset;

    Run(long epoch, long sequence, long timestamp, long offset) {
      this.epoch = epoch;
      this.highestSequence = sequence;
      this.newestTimestamp = timestamp;
      this.fastestOffset = offset;
    }
  }

  private final TransportClock clock;
  private final long windowMillis;
  private final Map<InetAddress, Run> runs = new HashMap<>();

  ReplayGuard(TransportClock clock, Duration window) {
    this.clock = clock;
    this.windowMillis = window.toMillis();
  }

  /** Empty if the envelope is fresh (and records it as seen), else the reason to drop it. */
  Optional<Drop> check(Envelope envelope) {
    long offset = clock.monotonicMillis() - envelope.timestamp();
    Run run = runs.get(envelope.source());
    if (run != null && run.epoch == envelope.epoch()) {
      if (envelope.sequence() <= run.highestSequence) {
        return drop(DropReason.REPLAY, "sequence " + envelope.sequence() + " <= " + run.highestSequence);
      }
      long delay = offset - run.fastestOffset;
      if (delay > windowMillis) {
        return drop(DropReason.STALE, "arrived " + delay + " ms later than this sender's datagrams usually do");
      }
      run.highestSequence = envelope.sequence();
      run.newestTimestamp = Math.max(run.newestTimestamp, envelope.timestamp());
      run.fastestOffset = Math.min(run.fastestOffset, offset);
      return Optional.empty();
    }
    long skew = envelope.timestamp() - clock.wallMillis();
    if (Math.abs(skew) > windowMillis) {
      return drop(DropReason.STALE, "new sender run with a timestamp " + skew
          + " ms off our clock (window " + windowMillis + " ms): an old capture, or clocks out of step");
    }
    if (run != null && envelope.timestamp() <= run.newestTimestamp) {
      return drop(DropReason.REPLAY, "an earlier run of this sender");
    }
    runs.put(envelope.source(),
        new Run(envelope.epoch(), envelope.sequence(), envelope.timestamp(), offset));
    return Optional.empty();
  }

  private static Optional<Drop> drop(DropReason reason, String detail) {
    return Optional.of(new Drop(reason, detail));
  }
}
