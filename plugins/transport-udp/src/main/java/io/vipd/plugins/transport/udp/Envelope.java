package io.vipd.plugins.transport.udp;

import java.net.InetAddress;

/**
 * The authenticated contents of one datagram.
 *
 * @param keyId id of the key that signs it
 * @param epoch random per run of the sender's transport: tells a restarted sender from a replay
 * @param sequence starts at 1 each run, one more for every datagram the sender sends
 * @param timestamp the sender's wall clock at its start plus its monotonic time since, in ms
 * @param source the address the sender computed the VRRP checksum with (delivered as the advert's source)
 * @param destination the address the sender computed the VRRP checksum with (delivered as its destination)
 * @param payload the VRRP message, opaque here
 */
record Envelope(
    int keyId,
    long epoch,
    long sequence,
    long timestamp,
    InetAddress source,
    InetAddress destination,
    byte[] payload) implements Opened {}
