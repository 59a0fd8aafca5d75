package io.vipd.plugins.transport.udp;

/** A datagram the transport rejects: the reason (counted) and a detail for the log (never key material). */
record Drop(DropReason reason, String detail) implements Opened {}
