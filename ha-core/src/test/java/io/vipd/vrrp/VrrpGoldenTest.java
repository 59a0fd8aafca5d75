package io.vipd.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adverts captured from a real keepalived (scripts/golden/capture-keepalived.sh): we must read every
 * field keepalived sends, and encoding those fields must give back keepalived's bytes, checksum included.
 */
class VrrpGoldenTest {

  @Test
  void decodesKeepalivedV2AdvertWithoutAuthentication() throws Exception {
    GoldenVector golden = GoldenVector.load("v2-ipv4");
    VrrpPacket p = golden.decodeOk();

    assertThat(golden.ttl()).isEqualTo(255);
    assertThat(golden.destination()).isEqualTo(InetAddress.getByName("224.0.0.18"));
    assertThat(p.version()).isEqualTo(2);
    assertThat(p.type()).isEqualTo(VrrpConstants.TYPE_ADVERTISEMENT);
    assertThat(p.vrid()).isEqualTo(51);
    assertThat(p.priority()).isEqualTo(100);
    assertThat(p.count()).isEqualTo(1);
    assertThat(p.authType()).isEqualTo(VrrpConstants.AUTH_TYPE_NONE);
    assertThat(p.authData()).containsOnly(0).hasSize(8);
    assertThat(p.advertInterval()).isEqualTo(1);
    assertThat(p.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.addresses()).containsExactly(InetAddress.getByName("10.99.77.100"));
  }

  @Test
  void decodesKeepalivedV2AdvertWithSimplePassword() throws Exception {
    VrrpPacket p = GoldenVector.load("v2-ipv4-auth-pass").decodeOk();

    assertThat(p.version()).isEqualTo(2);
    assertThat(p.vrid()).isEqualTo(52);
    assertThat(p.priority()).isEqualTo(150);
    assertThat(p.count()).isEqualTo(2);
    assertThat(p.authType()).isEqualTo(VrrpConstants.AUTH_TYPE_SIMPLE_PASSWORD);
    assertThat(new String(p.authData(), StandardCharsets.US_ASCII)).isEqualTo("secret12");
    assertThat(p.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.addresses()).containsExactly(
        InetAddress.getByName("10.99.77.101"), InetAddress.getByName("10.99.77.102"));
    assertThat(p).isEqualTo(VrrpPacket.v2Advert(52, 150, Duration.ofSeconds(1), "secret12", p.addresses()));
  }

  @Test
  void decodesKeepalivedV3Ipv4Advert() throws Exception {
    VrrpPacket p = GoldenVector.load("v3-ipv4").decodeOk();

    assertThat(p.version()).isEqualTo(3);
    assertThat(p.type()).isEqualTo(VrrpConstants.TYPE_ADVERTISEMENT);
    assertThat(p.vrid()).isEqualTo(53);
    assertThat(p.priority()).isEqualTo(100);
    assertThat(p.count()).isEqualTo(1);
    assertThat(p.authType()).isEqualTo(VrrpConstants.AUTH_TYPE_NONE);
    assertThat(p.advertInterval()).isEqualTo(100);
    assertThat(p.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.addresses()).containsExactly(InetAddress.getByName("10.99.77.103"));
  }

  @Test
  void decodesKeepalivedV3AdvertWithThreeVipsAndSubSecondInterval() throws Exception {
    VrrpPacket p = GoldenVector.load("v3-ipv4-three-vips").decodeOk();

    assertThat(p.vrid()).isEqualTo(54);
    assertThat(p.priority()).isEqualTo(200);
    assertThat(p.count()).isEqualTo(3);
    assertThat(p.advertInterval()).isEqualTo(50);
    assertThat(p.interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(p.addresses()).containsExactly(InetAddress.getByName("10.99.77.104"),
        InetAddress.getByName("10.99.77.105"), InetAddress.getByName("10.99.77.106"));
  }

  @Test
  void decodesKeepalivedV3Ipv6Advert() throws Exception {
    GoldenVector golden = GoldenVector.load("v3-ipv6");
    VrrpPacket p = golden.decodeOk();

    assertThat(golden.source()).isEqualTo(InetAddress.getByName("fe80::99:1"));
    assertThat(golden.destination()).isEqualTo(InetAddress.getByName("ff02::12"));
    assertThat(golden.ttl()).isEqualTo(255);
    assertThat(p.version()).isEqualTo(3);
    assertThat(p.vrid()).isEqualTo(55);
    assertThat(p.priority()).isEqualTo(100);
    assertThat(p.count()).isEqualTo(1);
    assertThat(p.isIpv6()).isTrue();
    assertThat(p.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.addresses()).containsExactly(InetAddress.getByName("fd99::55"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"v2-ipv4", "v2-ipv4-auth-pass", "v3-ipv4", "v3-ipv4-three-vips", "v3-ipv6"})
  void reEncodingKeepalivedFieldsGivesKeepalivedBytes(String name) {
    GoldenVector golden = GoldenVector.load(name);
    VrrpPacket p = golden.decodeOk();

    assertThat(VrrpCodec.encode(p, golden.source(), golden.destination())).isEqualTo(golden.vrrp());
  }

  @ParameterizedTest
  @ValueSource(strings = {"v3-ipv4", "v3-ipv6"})
  void keepalivedV3ChecksumIncludesThePseudoHeader(String name) {
    GoldenVector golden = GoldenVector.load(name);
    byte[] b = golden.vrrp();

    Decoded decoded = VrrpCodec.decode(b, 0, b.length, golden.source(), golden.destination(),
        ChecksumMode.NO_PSEUDO_HEADER);

    assertThat(decoded).isInstanceOfSatisfying(Decoded.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(DropReason.BAD_CHECKSUM));
  }

  @Test
  void factoriesBuildWhatKeepalivedSends() throws Exception {
    GoldenVector golden = GoldenVector.load("v3-ipv4-three-vips");
    VrrpPacket ours = VrrpPacket.v3Advert(54, 200, Duration.ofMillis(500), List.of(
        InetAddress.getByName("10.99.77.104"), InetAddress.getByName("10.99.77.105"),
        InetAddress.getByName("10.99.77.106")));

    assertThat(VrrpCodec.encode(ours, golden.source(), golden.destination())).isEqualTo(golden.vrrp());
  }
}
