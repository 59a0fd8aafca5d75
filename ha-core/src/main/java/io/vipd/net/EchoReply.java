package io.vipd.net;

/**
 * One ICMP echo reply as seen on the wire.
 *
 * @param nanos {@link System#nanoTime()} when it was read (CLOCK_MONOTONIC: comparable across processes
 *     and network namespaces of one machine)
 * @param sequence the echo sequence number it answers (16 bits)
 * @param sourceMac the Ethernet source of the frame, lower-case {@code aa:bb:cc:dd:ee:ff}: which host
 *     answered for the address
 */
public record EchoReply(long nanos, int sequence, String sourceMac) {}
