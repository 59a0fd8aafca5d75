package io.vipd.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Golden bytes of the gratuitous ARP and unsolicited NA frames, worked out by hand from RFC 826 / 4861. */
class AnnouncementFramesTest {
  private static final byte[] MAC = Hex.bytes("02aabbccdd01");

  @Test
  void gratuitousArpIsABroadcastRequestForTheVipFromOurMac() throws Exception {
    byte[] frame = GratuitousArp.frame(MAC, (Inet4Address) InetAddress.getByName("10.99.0.100"));

    assertThat(Hex.of(frame)).isEqualTo(Hex.of(Hex.bytes("""
        ffffffffffff 02aabbccdd01 0806
        0001 0800 06 04 0001
        02aabbccdd01 0a630064
        000000000000 0a630064
        """)));
  }

  @Test
  void unsolicitedNeighborAdvertOverridesToAllNodesWithTargetLinkLayerAddress() throws Exception {
    byte[] frame = UnsolicitedNeighborAdvert.frame(MAC, (Inet6Address) InetAddress.getByName("fd99::100"));

    assertThat(Hex.of(frame)).isEqualTo(Hex.of(Hex.bytes("""
        333300000001 02aabbccdd01 86dd
        60000000 0020 3a ff
        fd990000000000000000000000000100
        ff020000000000000000000000000001
        88 00 bdf3 20000000
        fd990000000000000000000000000100
        02 01 02aabbccdd01
        """)));
  }

  @Test
  void neighborAdvertChecksumVerifiesOverThePseudoHeader() throws Exception {
    byte[] frame = UnsolicitedNeighborAdvert.frame(MAC, (Inet6Address) InetAddress.getByName("fd99::1:2:3"), true);
    byte[] source = Arrays.copyOfRange(frame, 22, 38);
    byte[] destination = Arrays.copyOfRange(frame, 38, 54);
    byte[] icmp = Arrays.copyOfRange(frame, 54, frame.length);

    // RFC 1071: a receiver's sum over pseudo-header and message, checksum included, is all ones
    long sum = 0;
    for (byte[] part : new byte[][] {source, destination, icmp}) {
      for (int i = 0; i < part.length; i += 2) {
        sum += ((part[i] & 0xff) << 8) | (part[i + 1] & 0xff);
      }
    }
    sum += icmp.length + 58;
    sum = (sum % 0xffff == 0) ? 0xffff : sum % 0xffff;

    assertThat(sum).isEqualTo(0xffff);
    assertThat(frame[58] & 0xff).as("flags: router and override, not solicited").isEqualTo(0xa0);
  }

  @Test
  void framesRefuseAMacThatIsNotSixBytes() {
    assertThatThrownBy(() -> GratuitousArp.frame(new byte[4], (Inet4Address) InetAddress.getByName("10.99.0.1")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
