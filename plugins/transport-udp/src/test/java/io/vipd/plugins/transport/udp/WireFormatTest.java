package io.vipd.plugins.transport.udp;

import io.vipd.api.IpLiterals;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireFormatTest {

  private static final AuthKey KEY = new AuthKey(3, HexFormat.of().parseHex(
      "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
  private static final Map<Integer, AuthKey> KEYS = Map.of(3, KEY);
  private static final byte[] VRRP = HexFormat.of().parseHex("312a6401006402ab0a63000a");

  @Test
  void ipv4DatagramHasTheDocumentedLayout() {
    byte[] datagram = WireFormat.seal(envelope("10.99.0.1", "10.99.0.2"), KEY);

    ByteBuffer b = ByteBuffer.wrap(datagram);
    assertThat(b.get(0)).isEqualTo((byte) 0x56);
    assertThat(b.get(1)).isEqualTo((byte) 1);
    assertThat(b.get(2)).isEqualTo((byte) 3);
    assertThat(b.get(3)).isEqualTo((byte) 4);
    assertThat(b.getLong(4)).isEqualTo(0x1122334455667788L);
    assertThat(b.getLong(12)).isEqualTo(42);
    assertThat(b.getLong(20)).isEqualTo(1_700_000_000_123L);
    assertThat(HexFormat.of().formatHex(datagram, 28, 36)).isEqualTo("0a6300010a630002");
    assertThat(HexFormat.of().formatHex(datagram, 36, 48)).isEqualTo("312a6401006402ab0a63000a");
    assertThat(datagram).hasSize(28 + 8 + VRRP.length + 32);
  }

  @Test
  void sealedDatagramsOpenToTheSameEnvelopeForBothFamilies() {
    for (String[] pair : new String[][] {{"10.99.0.1", "10.99.0.2"}, {"fd99::1", "fd99::2"}}) {
      Envelope sent = envelope(pair[0], pair[1]);

      Opened opened = WireFormat.open(WireFormat.seal(sent, KEY), KEYS);

      assertThat(opened).isInstanceOf(Envelope.class);
      Envelope got = (Envelope) opened;
      assertThat(got).usingRecursiveComparison().isEqualTo(sent);
    }
  }

  @Test
  void everySingleBitFlipIsDetected() {
    byte[] datagram = WireFormat.seal(envelope("10.99.0.1", "10.99.0.2"), KEY);
    for (int i = 0; i < datagram.length; i++) {
      byte[] altered = datagram.clone();
      altered[i] ^= 0x01;

      Opened opened = WireFormat.open(altered, KEYS);

      assertThat(opened).as("flip in byte %d", i).isInstanceOf(Drop.class);
      DropReason expected = switch (i) {
        case 0, 1, 3 -> DropReason.MALFORMED;
        case 2 -> DropReason.UNKNOWN_KEY;
        default -> DropReason.BAD_HMAC;
      };
      assertThat(((Drop) opened).reason()).as("flip in byte %d", i).isEqualTo(expected);
    }
  }

  @Test
  void aDatagramSignedWithAnotherKeyOfTheSameIdFailsTheHmac() {
    AuthKey other = new AuthKey(3, new byte[32]);

    Opened opened = WireFormat.open(WireFormat.seal(envelope("10.99.0.1", "10.99.0.2"), other), KEYS);

    assertThat(opened).isEqualTo(new Drop(DropReason.BAD_HMAC, "key id 3"));
  }

  @Test
  void truncatedDatagramsAreMalformed() {
    byte[] datagram = WireFormat.seal(envelope("fd99::1", "fd99::2"), KEY);
    byte[] noPayload = java.util.Arrays.copyOf(datagram, 28 + 32 + 32);

    assertThat(((Drop) WireFormat.open(noPayload, KEYS)).reason()).isEqualTo(DropReason.MALFORMED);
    assertThat(((Drop) WireFormat.open(new byte[10], KEYS)).reason()).isEqualTo(DropReason.MALFORMED);
  }

  private static Envelope envelope(String source, String destination) {
    InetAddress src = IpLiterals.require(source);
    InetAddress dst = IpLiterals.require(destination);
    return new Envelope(3, 0x1122334455667788L, 42, 1_700_000_000_123L, src, dst, VRRP);
  }
}
