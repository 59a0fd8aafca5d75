package io.vipd.plugins.transport.udp;

import java.net.InetAddress;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Counts dropped datagrams by reason and logs them: every drop at debug, at most one warning per source per
 * minute so a flood (or a misconfigured peer) cannot fill the log.
 */
final class DropLog {

  static final long WARN_INTERVAL_MILLIS = 60_000;
  /** Bounds the per-source memory when spoofed sources flood us; forgetting only means an extra warning. */
  private static final int MAX_TRACKED_SOURCES = 256;

  private final Logger logger;
  private final TransportClock clock;
  private final Map<DropReason, AtomicLong> counts = new EnumMap<>(DropReason.class);
  private final Map<InetAddress, Long> lastWarning = new HashMap<>();

  DropLog(Logger logger, TransportClock clock) {
    this.logger = logger;
    this.clock = clock;
    for (DropReason reason : DropReason.values()) {
      counts.put(reason, new AtomicLong());
    }
  }

  /** Counts and logs one dropped datagram. Called on the transport's context only. */
  void record(Drop drop, InetAddress source) {
    counts.get(drop.reason()).incrementAndGet();
    String from = source == null ? "?" : source.getHostAddress();
    long now = clock.monotonicMillis();
    Long last = lastWarning.get(source);
    if (last == null || now - last >= WARN_INTERVAL_MILLIS) {
      if (lastWarning.size() >= MAX_TRACKED_SOURCES) {
        lastWarning.clear();
      }
      lastWarning.put(source, now);
      logger.warn("dropped a datagram from {}: {} ({}); further drops from it are logged at debug for a minute",
          from, drop.reason().label(), drop.detail());
    } else {
      logger.debug("dropped a datagram from {}: {} ({})", from, drop.reason().label(), drop.detail());
    }
  }

  /** Drops so far by {@link DropReason#label()}, every reason present. Safe from any thread. */
  Map<String, Long> counts() {
    Map<String, Long> snapshot = new LinkedHashMap<>();
    counts.forEach((reason, count) -> snapshot.put(reason.label(), count.get()));
    return snapshot;
  }
}
