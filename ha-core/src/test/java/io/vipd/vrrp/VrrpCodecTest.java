package io.vipd.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round trips, malformed packets (one test per {@link DropReason} the codec produces) and checksum modes. */
class VrrpCodecTest {

  private static final InetAddress SRC4 = ip("10.99.0.1");
  private static final InetAddress GROUP4 = ip("224.0.0.18");
  private static final InetAddress SRC6 = ip("fe80::99:1");
  private static final InetAddress GROUP6 = ip("ff02::12");
  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  private static final VrrpPacket V2 = VrrpPacket.v2Advert(7, 100, ONE_SECOND, List.of(ip("10.99.0.100")));
  private static final VrrpPacket V3 = VrrpPacket.v3Advert(7, 100, ONE_SECOND, List.of(ip("10.99.0.100")));

  // --- round trips ---

  @Test
  void v2Ipv4RoundTrip() {
    assertRoundTrip(VrrpPacket.v2Advert(1, 255, Duration.ofSeconds(3), List.of(ip("10.99.0.10"), ip("10.99.0.11"))),
        SRC4, GROUP4);
  }

  @Test
  void v2WithPasswordRoundTripKeepsPaddedAuthData() {
    VrrpPacket p = VrrpPacket.v2Advert(9, 50, ONE_SECOND, "pw", List.of(ip("10.99.0.10")));

    VrrpPacket back = assertRoundTrip(p, SRC4, GROUP4);

    assertThat(back.authData()).containsExactly('p', 'w', 0, 0, 0, 0, 0, 0);
  }

  @Test
  void v3Ipv4RoundTripWithCentisecondInterval() {
    VrrpPacket back = assertRoundTrip(
        VrrpPacket.v3Advert(200, 0, Duration.ofMillis(40_950), List.of(ip("10.99.0.10"))), SRC4, GROUP4);

    assertThat(back.advertInterval()).isEqualTo(VrrpConstants.MAX_ADVERT_INTERVAL_V3);
  }

  @Test
  void v3Ipv6RoundTrip() {
    assertRoundTrip(VrrpPacket.v3Advert(3, 120, Duration.ofMillis(10), List.of(ip("fd99::1"), ip("fd99::2"))),
        SRC6, GROUP6);
  }

  @Test
  void v3Ipv6KeepsAnIpv4MappedAddressIpv6() {
    // InetAddress.getByName folds ::ffff:a.b.c.d into an Inet4Address; the decoder must not
    VrrpPacket p = VrrpPacket.v3Advert(3, 120, ONE_SECOND, List.of(ip("fd99::1"), v4MappedIpv6()));

    VrrpPacket back = assertRoundTrip(p, SRC6, GROUP6);

    assertThat(back.addresses()).allMatch(a -> a instanceof java.net.Inet6Address);
  }

  @Test
  void decodesAMessageInsideALargerBuffer() {
    byte[] message = VrrpCodec.encode(V3, SRC4, GROUP4);
    byte[] datagram = new byte[20 + message.length + 5];
    System.arraycopy(message, 0, datagram, 20, message.length);

    assertThat(VrrpCodec.decode(datagram, 20, message.length, SRC4, GROUP4)).isEqualTo(new Decoded.Ok(V3));
  }

  @Test
  void v2MessageEndsWithEightBytesOfAuthDataEvenWithoutAuthentication() {
    byte[] b = VrrpCodec.encode(V2, SRC4, GROUP4);

    assertThat(b).hasSize(VrrpCodec.HEADER_LENGTH + 4 + VrrpConstants.AUTH_DATA_LENGTH);
  }

  @Test
  void v3IgnoresReservedBitsOnReceipt() {
    byte[] b = VrrpCodec.encode(V3, SRC4, GROUP4);
    b[4] |= (byte) 0xf0;
    fixChecksum(b, SRC4, GROUP4, ChecksumMode.PSEUDO_HEADER);

    assertThat(decode(b, SRC4, GROUP4)).isEqualTo(new Decoded.Ok(V3));
  }

  @Test
  void v2OverIpv6IsRefusedAtEncode() {
    assertThatThrownBy(() -> VrrpCodec.encode(V2, SRC6, GROUP6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VrrpPacket.v2Advert(1, 100, ONE_SECOND, List.of(ip("fd99::1"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mixedAddressFamiliesAreRefused() {
    assertThatThrownBy(() -> VrrpPacket.v3Advert(1, 100, ONE_SECOND, List.of(ip("10.99.0.1"), ip("fd99::1"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VrrpCodec.encode(V3, SRC6, GROUP6)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void intervalsMustBeWholeFieldUnits() {
    assertThatThrownBy(() -> VrrpPacket.v2Advert(1, 100, Duration.ofMillis(1500), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VrrpPacket.v3Advert(1, 100, Duration.ofMillis(15), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VrrpPacket.v3Advert(1, 100, Duration.ofSeconds(41), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VrrpPacket.v2Advert(1, 100, ONE_SECOND, "ninechars", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shutdownAdvertDiffersOnlyInPriority() {
    assertThat(V3.withPriority(0)).isEqualTo(VrrpPacket.v3Advert(7, 0, ONE_SECOND, V3.addresses()));
  }

  // --- one test per syntax DropReason ---

  @Test
  void tooShort() {
    byte[] b = VrrpCodec.encode(V3, SRC4, GROUP4);

    assertRejected(decode(b, 7, SRC4, GROUP4), DropReason.TOO_SHORT);
    assertRejected(decode(new byte[0], SRC4, GROUP4), DropReason.TOO_SHORT);
  }

  @Test
  void badVersion() {
    byte[] b = VrrpCodec.encode(V3, SRC4, GROUP4);
    b[0] = 0x41; // version 4, type 1
    fixChecksum(b, SRC4, GROUP4, ChecksumMode.PSEUDO_HEADER);

    assertRejected(decode(b, SRC4, GROUP4), DropReason.BAD_VERSION);
  }

  @Test
  void badVersionForV2OverIpv6() {
    byte[] b = VrrpCodec.encode(VrrpPacket.v3Advert(7, 100, ONE_SECOND, List.of(ip("fd99::1"))), SRC6, GROUP6);
    b[0] = 0x21;

    assertRejected(decode(b, SRC6, GROUP6), DropReason.BAD_VERSION);
  }

  @Test
  void badType() {
    byte[] b = VrrpCodec.encode(V2, SRC4, GROUP4);
    b[0] = 0x22; // version 2, type 2
    fixChecksum(b, SRC4, GROUP4, ChecksumMode.PSEUDO_HEADER);

    assertRejected(decode(b, SRC4, GROUP4), DropReason.BAD_TYPE);
  }

  @Test
  void badChecksum() {
    byte[] v2 = VrrpCodec.encode(V2, SRC4, GROUP4);
    v2[2] ^= 0x01; // priority changed in flight
    byte[] v3 = VrrpCodec.encode(V3, SRC4, GROUP4);

    assertRejected(decode(v2, SRC4, GROUP4), DropReason.BAD_CHECKSUM);
    // same bytes, but the pseudo-header says another sender: v3's checksum must notice
    assertRejected(decode(v3, ip("10.99.0.2"), GROUP4), DropReason.BAD_CHECKSUM);
  }

  @Test
  void addressCountMismatch() {
    byte[] claimsTwo = VrrpCodec.encode(V3, SRC4, GROUP4);
    claimsTwo[3] = 2;
    fixChecksum(claimsTwo, SRC4, GROUP4, ChecksumMode.PSEUDO_HEADER);
    byte[] trailingByte = java.util.Arrays.copyOf(VrrpCodec.encode(V3, SRC4, GROUP4), 13);
    fixChecksum(trailingByte, SRC4, GROUP4, ChecksumMode.PSEUDO_HEADER);
    byte[] v2WithoutAuthData = java.util.Arrays.copyOf(VrrpCodec.encode(V2, SRC4, GROUP4), 12);
    fixChecksum(v2WithoutAuthData, SRC4, GROUP4, ChecksumMode.PSEUDO_HEADER);

    assertRejected(decode(claimsTwo, SRC4, GROUP4), DropReason.ADDRESS_COUNT_MISMATCH);
    assertRejected(decode(trailingByte, SRC4, GROUP4), DropReason.ADDRESS_COUNT_MISMATCH);
    assertRejected(decode(v2WithoutAuthData, SRC4, GROUP4), DropReason.ADDRESS_COUNT_MISMATCH);
  }

  @Test
  void zeroInterval() {
    byte[] v2 = VrrpCodec.encode(V2, SRC4, GROUP4);
    v2[5] = 0;
    fixChecksum(v2, SRC4, GROUP4, ChecksumMode.PSEUDO_HEADER);
    byte[] v3 = VrrpCodec.encode(V3, SRC4, GROUP4);
    v3[4] = (byte) 0xf0; // reserved bits set, interval 0
    v3[5] = 0;
    fixChecksum(v3, SRC4, GROUP4, ChecksumMode.PSEUDO_HEADER);

    assertRejected(decode(v2, SRC4, GROUP4), DropReason.ZERO_INTERVAL);
    assertRejected(decode(v3, SRC4, GROUP4), DropReason.ZERO_INTERVAL);
  }

  // --- checksum modes ---

  @Test
  void noPseudoHeaderModeRoundTrip() {
    for (InetAddress[] ends : new InetAddress[][] {{SRC4, GROUP4}, {SRC6, GROUP6}}) {
      VrrpPacket p = VrrpPacket.v3Advert(7, 100, ONE_SECOND,
          List.of(ends[0] == SRC4 ? ip("10.99.0.100") : ip("fd99::100")));
      byte[] b = VrrpCodec.encode(p, ends[0], ends[1], ChecksumMode.NO_PSEUDO_HEADER);

      assertThat(VrrpCodec.decode(b, 0, b.length, ends[0], ends[1], ChecksumMode.NO_PSEUDO_HEADER))
          .isEqualTo(new Decoded.Ok(p));
      assertThat(VrrpChecksum.messageOnly(b, 0, b.length)).isZero();
    }
  }

  @Test
  void pseudoHeaderPacketFailsInNoPseudoHeaderModeAndViceVersa() {
    byte[] rfc = VrrpCodec.encode(V3, SRC4, GROUP4, ChecksumMode.PSEUDO_HEADER);
    byte[] compat = VrrpCodec.encode(V3, SRC4, GROUP4, ChecksumMode.NO_PSEUDO_HEADER);

    assertRejected(VrrpCodec.decode(rfc, 0, rfc.length, SRC4, GROUP4, ChecksumMode.NO_PSEUDO_HEADER),
        DropReason.BAD_CHECKSUM);
    assertRejected(VrrpCodec.decode(compat, 0, compat.length, SRC4, GROUP4, ChecksumMode.PSEUDO_HEADER),
        DropReason.BAD_CHECKSUM);
  }

  @Test
  void v2IgnoresTheChecksumMode() {
    byte[] rfc = VrrpCodec.encode(V2, SRC4, GROUP4, ChecksumMode.PSEUDO_HEADER);

    assertThat(VrrpCodec.encode(V2, SRC4, GROUP4, ChecksumMode.NO_PSEUDO_HEADER)).isEqualTo(rfc);
    assertThat(VrrpCodec.decode(rfc, 0, rfc.length, SRC4, GROUP4, ChecksumMode.NO_PSEUDO_HEADER))
        .isEqualTo(new Decoded.Ok(V2));
  }

  // --- helpers ---

  private static VrrpPacket assertRoundTrip(VrrpPacket p, InetAddress src, InetAddress dst) {
    byte[] b = VrrpCodec.encode(p, src, dst);
    Decoded decoded = decode(b, src, dst);
    assertThat(decoded).isEqualTo(new Decoded.Ok(p));
    VrrpPacket back = ((Decoded.Ok) decoded).packet();
    assertThat(VrrpCodec.encode(back, src, dst)).isEqualTo(b);
    return back;
  }

  private static Decoded decode(byte[] b, InetAddress src, InetAddress dst) {
    return decode(b, b.length, src, dst);
  }

  private static Decoded decode(byte[] b, int length, InetAddress src, InetAddress dst) {
    return VrrpCodec.decode(b, 0, length, src, dst);
  }

  private static void assertRejected(Decoded decoded, DropReason reason) {
    assertThat(decoded).isInstanceOfSatisfying(Decoded.Rejected.class, r -> {
      assertThat(r.reason()).isEqualTo(reason);
      assertThat(r.reason().isSyntax()).isTrue();
      assertThat(r.detail()).isNotBlank();
    });
  }

  /** Recomputes the checksum of a hand-edited message, so that only the edit is wrong with it. */
  private static void fixChecksum(byte[] b, InetAddress src, InetAddress dst, ChecksumMode mode) {
    b[VrrpCodec.CHECKSUM_OFFSET] = 0;
    b[VrrpCodec.CHECKSUM_OFFSET + 1] = 0;
    int version = (b[0] & 0xff) >>> 4;
    int sum = version == 3 && mode == ChecksumMode.PSEUDO_HEADER
        ? VrrpChecksum.withPseudoHeader(b, 0, b.length, src, dst)
        : VrrpChecksum.messageOnly(b, 0, b.length);
    b[VrrpCodec.CHECKSUM_OFFSET] = (byte) (sum >>> 8);
    b[VrrpCodec.CHECKSUM_OFFSET + 1] = (byte) sum;
  }

  private static InetAddress v4MappedIpv6() {
    try {
      byte[] raw = new byte[16];
      raw[10] = (byte) 0xff;
      raw[11] = (byte) 0xff;
      raw[12] = 10;
      raw[13] = 99;
      raw[15] = 1;
      return java.net.Inet6Address.getByAddress(null, raw, -1);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
