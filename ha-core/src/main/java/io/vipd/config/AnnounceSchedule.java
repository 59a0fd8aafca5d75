package io.vipd.config;

import java.time.Duration;

/**
 * When a new master announces its addresses with gratuitous ARP (IPv4) / unsolicited Neighbor
 * Advertisements (IPv6), the YAML's {@code garp} (keepalived's garp_master_* settings): {@code count}
 * rounds {@code interval} apart at once, {@code repeatCount} more rounds after {@code repeatAfter} (zero:
 * none), and one round every {@code refresh} while master (zero: never).
 */
public record AnnounceSchedule(int count, Duration interval, Duration repeatAfter, int repeatCount, Duration refresh) {

  /** keepalived's defaults: 5 at once, 5 more after 5 s, no refresh. */
  public static final AnnounceSchedule KEEPALIVED_DEFAULTS =
      new AnnounceSchedule(5, Duration.ZERO, Duration.ofSeconds(5), 5, Duration.ZERO);

  public AnnounceSchedule {
    if (count < 1 || repeatCount < 0) {
      throw new IllegalArgumentException("count must be >= 1 and repeat count >= 0");
    }
  }
}
