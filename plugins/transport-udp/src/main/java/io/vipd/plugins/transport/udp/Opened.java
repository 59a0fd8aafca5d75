package io.vipd.plugins.transport.udp;

/** What opening a datagram gives: its authenticated {@link Envelope}, or the {@link Drop} saying why not. */
sealed interface Opened permits Envelope, Drop {}
