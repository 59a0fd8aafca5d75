package io.vipd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.api.IpLiterals;
import io.vipd.config.VipConfig;
import io.vipd.net.AssignedAddress;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which addresses found on eth0 (host 10.0.0.5/24, adverts from there) are the host's, which may be vipd's. */
class HostOwnedAddressTest {
  private static final InetAddress SOURCE = IpLiterals.require("10.0.0.5");

  @Test
  void theAddressAdvertsGoFromIsTheHostsOwn() {
    assertThat(why("10.0.0.5/24", on("10.0.0.5", 24, false), false))
        .hasValue("eth0's primary address, which adverts go from");
    assertThat(why("10.0.0.5/24", on("10.0.0.5", 24, false), true)).hasValue("the instance's source-address");
  }

  @Test
  void anotherPrefixThanConfiguredIsNotVipds() {
    assertThat(why("10.0.0.100/32", on("10.0.0.100", 24, true), false)).hasValue("there as /24, configured as /32");
    assertThat(why("fd00::100/128", on("fd00::100", 64, false), false)).hasValue("there as /64, configured as /128");
  }

  @Test
  void aPrimaryIpv4SubnetAddressIsTheHostsOwn() {
    assertThat(why("10.0.1.5/24", on("10.0.1.5", 24, false), false))
        .hasValue("a primary /24 address of eth0, not a secondary one");
  }

  @Test
  void whatVipdAddsMayBeALeftover() {
    assertThat(why("10.0.0.100/24", on("10.0.0.100", 24, true), false)).as("a VIP in the host's subnet").isEmpty();
    assertThat(why("10.0.0.100/32", on("10.0.0.100", 32, false), false)).as("a host-route VIP").isEmpty();
    assertThat(why("fd00::100/64", on("fd00::100", 64, false), false)).as("an IPv6 VIP").isEmpty();
  }

  private static Optional<String> why(String vip, AssignedAddress assigned, boolean sourceConfigured) {
    String[] parts = vip.split("/");
    return HostOwnedAddress.why(new VipConfig(IpLiterals.require(parts[0]), Integer.parseInt(parts[1]),
        Optional.empty()), assigned, SOURCE, sourceConfigured);
  }

  private static AssignedAddress on(String address, int prefixLength, boolean secondary) {
    return new AssignedAddress("eth0", IpLiterals.require(address), prefixLength, null, secondary);
  }
}
