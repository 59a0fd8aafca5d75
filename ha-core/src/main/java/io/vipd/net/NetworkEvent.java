package io.vipd.net;

import java.net.InetAddress;

/** Something the kernel reported about the interfaces of our namespace ({@link NetlinkMonitor}). */
public sealed interface NetworkEvent {

  /** The interface's name. */
  String interfaceName();

  /**
   * A link's usable state changed (or is reported for the first time when the monitor starts). Up means
   * administratively up with carrier ({@code IFF_UP} and {@code IFF_RUNNING}); a deleted link is down.
   */
  record LinkChanged(String interfaceName, boolean up) implements NetworkEvent {}

  /** An address disappeared from an interface: a VIP removed behind our back, or its primary went. */
  record AddressRemoved(String interfaceName, InetAddress address, int prefixLength) implements NetworkEvent {}
}
