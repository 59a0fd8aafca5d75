package io.vipd.net;

import java.net.Inet4Address;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/** ICMP echo messages (RFC 792): building a request and recognising our reply in an Ethernet frame. */
final class IcmpEcho {
  /** RFC 792 "Echo or Echo Reply Message": type 8 asks, type 0 answers. */
  static final int TYPE_ECHO_REQUEST = 8;

  static final int TYPE_ECHO_REPLY = 0;
  private static final int ETHERNET_HEADER = 14;
  private static final int ICMP_HEADER = 8;

  private IcmpEcho() {}

  /** An echo request (ICMP header and payload, no IP header): the kernel adds the IP header. */
  static byte[] request(int identifier, int sequence, byte[] payload) {
    byte[] message = new byte[ICMP_HEADER + payload.length];
    message[0] = TYPE_ECHO_REQUEST;
    message[4] = (byte) (identifier >>> 8);
    message[5] = (byte) identifier;
    message[6] = (byte) (sequence >>> 8);
    message[7] = (byte) sequence;
    System.arraycopy(payload, 0, message, ICMP_HEADER, payload.length);
    int checksum = new InternetChecksum().add(message).value();
    message[2] = (byte) (checksum >>> 8);
    message[3] = (byte) checksum;
    return message;
  }

  /**
   * The echo reply in {@code frame} (an Ethernet frame carrying IPv4) if it comes from {@code from} and
   * answers a request with {@code identifier}; anything else is empty.
   */
  static Optional<EchoReply> parseReply(byte[] frame, int length, Inet4Address from, int identifier, long nanos) {
    if (length < ETHERNET_HEADER + 20 + ICMP_HEADER || etherType(frame) != LinuxConstants.ETH_P_IP) {
      return Optional.empty();
    }
    int ip = ETHERNET_HEADER;
    int headerLength = (frame[ip] & 0x0f) * 4;
    boolean ipv4 = (frame[ip] & 0xf0) == 0x40;
    if (!ipv4 || headerLength < 20 || ip + headerLength + ICMP_HEADER > length
        || (frame[ip + 9] & 0xff) != LinuxConstants.IPPROTO_ICMP
        || !Arrays.equals(frame, ip + 12, ip + 16, from.getAddress(), 0, 4)) {
      return Optional.empty();
    }
    int icmp = ip + headerLength;
    if ((frame[icmp] & 0xff) != TYPE_ECHO_REPLY || word(frame, icmp + 4) != (identifier & 0xffff)) {
      return Optional.empty();
    }
    String mac = HexFormat.ofDelimiter(":").formatHex(frame, 6, 12);
    return Optional.of(new EchoReply(nanos, word(frame, icmp + 6), mac));
  }

  private static int etherType(byte[] frame) {
    return word(frame, 12);
  }

  private static int word(byte[] b, int offset) {
    return ((b[offset] & 0xff) << 8) | (b[offset + 1] & 0xff);
  }
}
