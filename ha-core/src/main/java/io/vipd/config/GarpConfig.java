package io.vipd.config;

import java.time.Duration;

/**
 * Gratuitous ARP (IPv4) / unsolicited Neighbor Advertisement (IPv6) timing for a new master; defaults
 * follow keepalived ({@code garp_master_repeat 5}, {@code garp_master_delay 5}, no refresh).
 *
 * @param count announcements sent on becoming master
 * @param interval gap between the announcements of one burst
 * @param repeatAfter when to send a second burst after becoming master (0s: none)
 * @param repeatCount announcements in that second burst
 * @param refresh period of announcements while master (0s: none)
 */
public record GarpConfig(
    int count, Duration interval, Duration repeatAfter, int repeatCount, Duration refresh) {

  public static final GarpConfig DEFAULT =
      new GarpConfig(5, Duration.ZERO, Duration.ofSeconds(5), 5, Duration.ZERO);
}
