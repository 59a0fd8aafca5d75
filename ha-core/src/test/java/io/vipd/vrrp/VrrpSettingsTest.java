package io.vipd.vrrp;

import static io.vipd.vrrp.ManualDriver.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VrrpSettingsTest {

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> new VrrpSettings(0, 2, 0, 150, true, Duration.ofSeconds(-1), false, ip("fd99::1"), 7, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vrid must be 1..255, got 0")
        .hasMessageContaining("priority must be 1..255, got 0")
        .hasMessageContaining("VRRPv2 advert interval must be whole seconds")
        .hasMessageContaining("VRRPv2 is IPv4 only")
        .hasMessageContaining("preempt delay must not be negative")
        .hasMessageContaining("auth type must be 0 (none) or 1 (simple text), got 7");
  }

  @Test
  void v3AcceptsCentisecondIntervalsUpTo4095() {
    assertThat(VrrpSettings.of(1, 3, 100, ip("fd99::1")).withAdvertIntervalCentis(4095).advertIntervalCentis())
        .isEqualTo(4095);
    assertThatThrownBy(() -> VrrpSettings.of(1, 3, 100, ip("10.0.0.1")).withAdvertIntervalCentis(4096))
        .hasMessageContaining("1..4095 cs");
  }

  @Test
  void passwordIsPaddedAndNeverPrinted() {
    VrrpSettings s = VrrpSettings.of(1, 2, 100, ip("10.0.0.1")).withPassword("hunter2".getBytes());

    assertThat(s.authData()).containsExactly('h', 'u', 'n', 't', 'e', 'r', '2', 0);
    assertThat(s.toString()).doesNotContain("hunter2");
    assertThat(s).isEqualTo(VrrpSettings.of(1, 2, 100, ip("10.0.0.1")).withPassword("hunter2".getBytes()));
    assertThatThrownBy(() -> s.withPassword("toolongpassword".getBytes())).hasMessageContaining("at most 8 bytes");
  }

  @Test
  void advertCarriesTheIntervalInTheVersionsWireUnitAndV2Authentication() {
    List<InetAddress> vips = List.of(ip("10.0.0.100"));
    VrrpSettings v2 = VrrpSettings.of(51, 2, 150, ip("10.0.0.1")).withAdvertIntervalCentis(300)
        .withPassword("secret".getBytes(StandardCharsets.UTF_8));
    VrrpPacket two = VrrpPacket.advert(v2, 150, vips);
    assertThat(two.advertInterval()).as("v2: seconds").isEqualTo(3);
    assertThat(two.authType()).isEqualTo(VrrpConstants.AUTH_TYPE_SIMPLE_PASSWORD);
    assertThat(two.authData()).isEqualTo(Arrays.copyOf("secret".getBytes(StandardCharsets.UTF_8), 8));
    assertThat(VrrpEvent.AdvertReceived.of(two, ip("10.0.0.2"), 255).intervalCentis()).isEqualTo(300);

    VrrpPacket three = VrrpPacket.advert(VrrpSettings.of(51, 3, 150, ip("10.0.0.1")).withAdvertIntervalCentis(10),
        0, vips);
    assertThat(three.advertInterval()).as("v3: centiseconds").isEqualTo(10);
    assertThat(three.priority()).isZero();
    assertThat(three.authType()).isEqualTo(VrrpConstants.AUTH_TYPE_NONE);
    assertThat(VrrpEvent.AdvertReceived.of(three, ip("10.0.0.2"), 255).intervalCentis()).isEqualTo(10);
  }
}
