package io.vipd.daemon;

import io.vipd.config.InstanceConfig;
import io.vipd.config.VipConfig;
import io.vipd.config.VipdConfig;
import io.vipd.net.AssignedAddress;
import io.vipd.net.Interfaces;
import io.vipd.net.NativeIoException;
import io.vipd.net.Rtnetlink;
import io.vipd.vrrp.VrrpConstants;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured VIPs that a vipd which is gone (SIGKILL, a crash: nothing resigned) left on this node's
 * interfaces, and taking them off: {@code vipd cleanup}, systemd's ExecStopPost. Only configured VIPs
 * present on their instance's interface are touched, and of those these stay: every VIP of an instance
 * with priority 255, the address owner (RFC 5798 section 1: its VIPs are real interface addresses, which
 * is how keepalived users configure the host's own address), and every {@link HostOwnedAddress}.
 */
public final class LeftoverVips {
  /** A configured VIP found on its instance's interface; {@code keptBecause} is empty for a leftover. */
  public record Found(InstanceConfig instance, VipConfig vip, Optional<String> keptBecause) {
    public boolean leftover() {
      return keptBecause.isEmpty();
    }
  }

  private final Rtnetlink netlink;
  private final List<Found> found;
  private final List<InstanceConfig> withoutInterface;

  private LeftoverVips(Rtnetlink netlink, List<Found> found, List<InstanceConfig> withoutInterface) {
    this.netlink = netlink;
    this.found = List.copyOf(found);
    this.withoutInterface = List.copyOf(withoutInterface);
  }

  /** Looks at every configured instance's interface; changes nothing. */
  public static LeftoverVips find(VipdConfig config, Rtnetlink netlink) throws IOException {
    List<Found> found = new ArrayList<>();
    List<InstanceConfig> withoutInterface = new ArrayList<>();
    for (InstanceConfig instance : config.instances()) {
      try {
        Interfaces.index(instance.interfaceName());
      } catch (NativeIoException e) {
        withoutInterface.add(instance); // a vanished interface took its addresses with it
        continue;
      }
      List<AssignedAddress> assigned = netlink.listAddresses(instance.interfaceName());
      InetAddress advertSource = advertSource(instance, netlink);
      for (VipConfig vip : new NetlinkAddressControl(netlink, instance.interfaceName()).present(instance.vips())) {
        found.add(new Found(instance, vip, keptBecause(instance, vip, assigned, advertSource)));
      }
    }
    return new LeftoverVips(netlink, found, withoutInterface);
  }

  /** The leftovers: what {@link #remove()} takes off. */
  public List<Found> leftovers() {
    return found.stream().filter(Found::leftover).toList();
  }

  /** Configured VIPs present on their interface that stay, each with the reason. */
  public List<Found> kept() {
    return found.stream().filter(f -> !f.leftover()).toList();
  }

  /** Instances whose interface does not exist (nothing to remove there). */
  public List<InstanceConfig> withoutInterface() {
    return withoutInterface;
  }

  /**
   * Removes every leftover from its interface and returns those still there afterwards (none, unless
   * something re-added one meanwhile).
   */
  public List<Found> remove() throws IOException {
    List<Found> stillThere = new ArrayList<>();
    for (InstanceConfig instance : leftovers().stream().map(Found::instance).distinct().toList()) {
      List<VipConfig> vips = leftovers().stream().filter(f -> f.instance().equals(instance)).map(Found::vip).toList();
      NetlinkAddressControl addresses = new NetlinkAddressControl(netlink, instance.interfaceName());
      addresses.remove(vips);
      addresses.present(vips).forEach(vip -> stillThere.add(new Found(instance, vip, Optional.empty())));
    }
    return stillThere;
  }

  private static Optional<String> keptBecause(
      InstanceConfig instance, VipConfig vip, List<AssignedAddress> assigned, InetAddress advertSource) {
    if (instance.priority() == VrrpConstants.OWNER_PRIORITY) {
      return Optional.of("priority 255: this host owns it");
    }
    return assigned.stream().filter(a -> a.address().equals(vip.address())).findFirst()
        .flatMap(a -> HostOwnedAddress.why(vip, a, advertSource, instance.sourceAddress().isPresent()))
        .map(why -> "the host's own: " + why);
  }

  /** Where the instance's adverts go from, as {@code vipd run} chooses it; null when there is none. */
  private static InetAddress advertSource(InstanceConfig instance, Rtnetlink netlink) {
    if (instance.sourceAddress().isPresent()) {
      return instance.sourceAddress().get();
    }
    try {
      return Interfaces.primaryAddress(netlink, instance.interfaceName(), instance.ipv6());
    } catch (IOException e) {
      return null;
    }
  }
}
