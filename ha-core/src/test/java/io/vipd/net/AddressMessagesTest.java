package io.vipd.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rtnetlink address requests, byte by byte (linux/netlink.h, linux/if_addr.h; little-endian hosts). */
class AddressMessagesTest {

  @BeforeAll
  static void littleEndianHost() {
    // netlink uses host byte order; the fixtures below are written for x86_64 / aarch64
    assertThat(ByteOrder.nativeOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void addingAnIpv4VipWithLabelAsksForAnAcknowledgedExclusiveCreate() throws Exception {
    byte[] bytes = AddressMessages.add(7, 3, InetAddress.getByName("10.99.0.100"), 24, "eth0:vip").encode();

    assertThat(Hex.of(bytes)).isEqualTo(Hex.of(Hex.bytes("""
        38000000 1400 0506 07000000 00000000
        02 18 00 00 03000000
        0800 0200 0a630064
        0800 0100 0a630064
        0d00 0300 657468303a76697000000000
        """)));
  }

  @Test
  void addingAnIpv6VipSkipsDuplicateAddressDetection() throws Exception {
    byte[] bytes = AddressMessages.add(1, 2, InetAddress.getByName("fd99::100"), 64, null).encode();

    assertThat(bytes.length).isEqualTo(16 + 8 + 20 + 20);
    assertThat(bytes[16]).as("family AF_INET6").isEqualTo((byte) 10);
    assertThat(bytes[17]).as("prefix length").isEqualTo((byte) 64);
    assertThat(bytes[18]).as("IFA_F_NODAD").isEqualTo((byte) AddressMessages.IFA_F_NODAD);
  }

  @Test
  void removingAVipIsAnAcknowledgedDelete() throws Exception {
    byte[] bytes = AddressMessages.remove(9, 3, InetAddress.getByName("10.99.0.100"), 32).encode();

    assertThat(Hex.of(bytes)).isEqualTo(Hex.of(Hex.bytes("""
        28000000 1500 0500 09000000 00000000
        02 20 00 00 03000000
        0800 0200 0a630064
        0800 0100 0a630064
        """)));
  }

  @Test
  void kernelAddressMessageDecodesToAddressLabelAndSecondaryFlag() throws Exception {
    // an RTM_NEWADDR as the kernel sends it for `ip addr add 10.99.0.100/24 dev eth0 label eth0:vip`
    byte[] payload = Hex.bytes("""
        02 18 01 00 03000000
        0800 0100 0a630064
        0800 0200 0a630064
        0d00 0300 657468303a76697000000000
        0800 0800 01000000
        """);

    AddressMessages.Decoded decoded = AddressMessages.decode(payload);

    assertThat(decoded.interfaceIndex()).isEqualTo(3);
    assertThat(decoded.address()).isEqualTo(InetAddress.getByName("10.99.0.100"));
    assertThat(decoded.prefixLength()).isEqualTo(24);
    assertThat(decoded.label()).isEqualTo("eth0:vip");
    assertThat(decoded.secondary()).isTrue();
  }

  @Test
  void acknowledgementAndErrorMessagesCarryTheNegatedErrno() {
    byte[] ack = Hex.bytes("24000000 0200 0001 07000000 00000000 00000000 3c000000140005060700000000000000");
    byte[] eexist = Hex.bytes("24000000 0200 0001 08000000 00000000 efffffff 3c000000140005060800000000000000");

    assertThat(NetlinkMessage.decodeAll(ack, ack.length).get(0).errorCode()).isZero();
    assertThat(NetlinkMessage.decodeAll(eexist, eexist.length).get(0).errorCode()).isEqualTo(Errno.EEXIST);
  }

  @Test
  void linkMessageIsUpOnlyWhenAdministrativelyUpAndRunning() {
    byte[] up = Hex.bytes("00 00 0100 03000000 43100100 00000000 0900 0300 6574683000000000");
    byte[] noCarrier = Hex.bytes("00 00 0100 03000000 03100000 00000000 0900 0300 6574683000000000");

    assertThat(LinkMessages.decode(up)).isEqualTo(new LinkMessages.Decoded(3, "eth0", 0x11043));
    assertThat(LinkMessages.decode(up).up()).isTrue();
    assertThat(LinkMessages.decode(noCarrier).up()).isFalse();
  }
}
