package io.vipd.daemon;

import io.vipd.config.VipConfig;
import io.vipd.instance.Announcer;
import io.vipd.net.GratuitousArp;
import io.vipd.net.UnsolicitedNeighborAdvert;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;

/**
 * Gratuitous ARP for IPv4 VIPs and unsolicited Neighbor Advertisements for IPv6 VIPs on one interface.
 * The packet sockets are opened on first use, so an IPv4-only instance never opens the IPv6 one.
 */
final class NeighbourAnnouncer implements Announcer, Closeable {
  private final String interfaceName;
  private GratuitousArp arp;
  private UnsolicitedNeighborAdvert ndisc;

  NeighbourAnnouncer(String interfaceName) {
    this.interfaceName = interfaceName;
  }

  @Override
  public synchronized void announce(List<VipConfig> addresses) throws IOException {
    for (VipConfig vip : addresses) {
      if (vip.address() instanceof Inet4Address v4) {
        if (arp == null) {
          arp = GratuitousArp.open(interfaceName);
        }
        arp.announce(v4);
      } else if (vip.address() instanceof Inet6Address v6) {
        if (ndisc == null) {
          ndisc = UnsolicitedNeighborAdvert.open(interfaceName);
        }
        ndisc.announce(v6);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (arp != null) {
      arp.close();
    }
    if (ndisc != null) {
      ndisc.close();
    }
  }
}
