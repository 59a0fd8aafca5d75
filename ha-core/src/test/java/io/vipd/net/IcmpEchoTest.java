package io.vipd.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class IcmpEchoTest {
  private static final String REPLY_FRAME =
      "020000000063 02000000000b 0800"                        // Ethernet: to the client, from 02:..:0b
      + "4500002c 00004000 4001 0000 0a63000a 0a630063"       // IPv4, ICMP, 10.99.0.10 -> 10.99.0.99
      + "00 00 edca 1234 0001" + "00".repeat(16);             // echo reply, id 0x1234, seq 1

  @Test
  void echoRequestHasTypeEightOurIdentifierAndSequenceAndAValidChecksum() {
    byte[] request = IcmpEcho.request(0x1234, 1, new byte[16]);

    // checksum: ~(0x0800 + 0x1234 + 0x0001) = 0xe5ca (RFC 1071)
    assertThat(Hex.of(request)).isEqualTo("0800e5ca12340001" + "00".repeat(16));
    assertThat(new InternetChecksum().add(request).value()).isZero();
  }

  @Test
  void replyFromTheTargetNamesTheMacThatAnswered() throws Exception {
    byte[] frame = Hex.bytes(REPLY_FRAME);

    assertThat(IcmpEcho.parseReply(frame, frame.length, ip("10.99.0.10"), 0x1234, 77L))
        .contains(new EchoReply(77L, 1, "02:00:00:00:00:0b"));
  }

  @Test
  void repliesToSomeoneElsesRequestsOrFromAnotherAddressAreIgnored() throws Exception {
    byte[] frame = Hex.bytes(REPLY_FRAME);

    assertThat(IcmpEcho.parseReply(frame, frame.length, ip("10.99.0.10"), 0x4321, 0)).isEmpty();
    assertThat(IcmpEcho.parseReply(frame, frame.length, ip("10.99.0.11"), 0x1234, 0)).isEmpty();
    assertThat(IcmpEcho.parseReply(frame, 30, ip("10.99.0.10"), 0x1234, 0)).isEmpty();
  }

  @Test
  void ourOwnOutgoingRequestIsNotAReply() throws Exception {
    byte[] frame = Hex.bytes(REPLY_FRAME);
    frame[14 + 20] = IcmpEcho.TYPE_ECHO_REQUEST;

    assertThat(IcmpEcho.parseReply(frame, frame.length, ip("10.99.0.10"), 0x1234, 0)).isEmpty();
  }

  private static Inet4Address ip(String literal) throws Exception {
    return (Inet4Address) InetAddress.getByName(literal);
  }
}
