package io.vipd.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {
  private static final long NET_ADMIN = 1L << 12;
  private static final long NET_RAW = 1L << 13;

  @Test
  void effectiveSetIsReadFromTheCapEffLine() {
    String status = """
        Name:\tjava
        Uid:\t65534\t65534\t65534\t65534
        CapInh:\t0000000000003000
        CapPrm:\t0000000000003000
        CapEff:\t0000000000003000
        CapBnd:\t000001ffffffffff
        """;

    assertThat(Capabilities.effective(status)).hasValue(NET_ADMIN | NET_RAW);
  }

  @Test
  void rootsFullSetIsReadAsUnsigned() {
    assertThat(Capabilities.effective("CapEff:\tffffffffffffffff\n")).hasValue(-1L);
  }

  @Test
  void statusWithoutCapEffGivesNothing() {
    assertThat(Capabilities.effective("Name:\tjava\n")).isEmpty();
    assertThat(Capabilities.effective("CapEff:\tnot-hex\n")).isEmpty();
  }

  @Test
  void missingNamesExactlyTheAbsentOnesInTheOrderAsked() {
    assertThat(Capabilities.missing(NET_ADMIN | NET_RAW, Capability.NET_RAW, Capability.NET_ADMIN)).isEmpty();
    assertThat(Capabilities.missing(NET_RAW, Capability.NET_RAW, Capability.NET_ADMIN))
        .containsExactly(Capability.NET_ADMIN);
    assertThat(Capabilities.missing(NET_ADMIN, Capability.NET_RAW, Capability.NET_ADMIN))
        .containsExactly(Capability.NET_RAW);
    assertThat(Capabilities.missing(0, Capability.NET_RAW, Capability.NET_ADMIN))
        .containsExactly(Capability.NET_RAW, Capability.NET_ADMIN);
    assertThat(Capabilities.missing(NET_RAW, Capability.NET_ADMIN)).containsExactly(Capability.NET_ADMIN);
  }

  @Test
  void messageForOneMissingCapabilityNamesOnlyThatOne() {
    String message = Capabilities.describe(List.of(Capability.NET_ADMIN));

    assertThat(message).isEqualTo("missing CAP_NET_ADMIN (to add and remove the VIPs): run vipd as root or grant it"
        + " (systemd: AmbientCapabilities=CAP_NET_ADMIN)");
  }

  @Test
  void messageForBothNamesBoth() {
    assertThat(Capabilities.describe(List.of(Capability.NET_RAW, Capability.NET_ADMIN))).isEqualTo(
        "missing CAP_NET_RAW (to open raw VRRP, ARP and NA sockets) and CAP_NET_ADMIN (to add and remove the VIPs):"
            + " run vipd as root or grant them (systemd: AmbientCapabilities=CAP_NET_RAW CAP_NET_ADMIN)");
  }
}
