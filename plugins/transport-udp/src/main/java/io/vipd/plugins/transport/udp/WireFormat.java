package io.vipd.plugins.transport.udp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens {@code udp} transport datagrams. All integers are big-endian.
 *
 * <pre>
 * offset  size   field
 * 0       1      magic 0x56 ('V')
 * 1       1      format version, 1
 * 2       1      key id
 * 3       1      address family: 4 or 6
 * 4       8      epoch      (random per sender run)
 * 12      8      sequence   (1, 2, 3... per run)
 * 20      8      timestamp  (ms since 1970, monotonic within a run)
 * 28      4|16   source address the VRRP checksum was computed with
 * 32|44   4|16   destination address the VRRP checksum was computed with
 * 36|60   n >= 1 VRRP message
 * end-32  32     HMAC-SHA256(key, every byte before it)
 * </pre>
 */
final class WireFormat {

  static final byte MAGIC = 0x56;
  static final byte VERSION = 1;
  static final int FIXED_HEADER = 28;
  static final int TAG_LENGTH = 32;
  private static final String HMAC = "HmacSHA256";

  private WireFormat() {}

  /** The datagram carrying {@code envelope}, signed with {@code key} (whose id must be the envelope's). */
  static byte[] seal(Envelope envelope, AuthKey key) {
    byte[] src = envelope.source().getAddress();
    byte[] dst = envelope.destination().getAddress();
    if (src.length != dst.length) {
      throw new IllegalArgumentException("source and destination must be of the same address family");
    }
    if (envelope.keyId() != key.id()) {
      throw new IllegalArgumentException("envelope names key " + envelope.keyId() + " but is sealed with " + key.id());
    }
    int bodyLength = FIXED_HEADER + 2 * src.length + envelope.payload().length;
    ByteBuffer out = ByteBuffer.allocate(bodyLength + TAG_LENGTH);
    out.put(MAGIC).put(VERSION).put((byte) key.id()).put((byte) (src.length == 4 ? 4 : 6));
    out.putLong(envelope.epoch()).putLong(envelope.sequence()).putLong(envelope.timestamp());
    out.put(src).put(dst).put(envelope.payload());
    out.put(tag(key, out.array(), bodyLength));
    return out.array();
  }

  /**
   * Checks a received datagram's syntax and tag. Returns the {@link Envelope}, or the {@link Drop} saying why
   * not; freshness is the {@link ReplayGuard}'s job.
   *
   * @param keys the keys this node accepts, by id
   */
  static Opened open(byte[] datagram, Map<Integer, AuthKey> keys) {
    if (datagram.length < FIXED_HEADER + 2 * 4 + 1 + TAG_LENGTH) {
      return new Drop(DropReason.MALFORMED, datagram.length + " bytes is too short");
    }
    if (datagram[0] != MAGIC || datagram[1] != VERSION) {
      return new Drop(DropReason.MALFORMED,
          String.format("magic/version 0x%02x%02x, expected 0x%02x%02x", datagram[0], datagram[1], MAGIC, VERSION));
    }
    int family = datagram[3];
    int addressLength = family == 4 ? 4 : family == 6 ? 16 : -1;
    if (addressLength < 0) {
      return new Drop(DropReason.MALFORMED, "address family " + family);
    }
    int payloadStart = FIXED_HEADER + 2 * addressLength;
    int bodyLength = datagram.length - TAG_LENGTH;
    if (bodyLength <= payloadStart) {
      return new Drop(DropReason.MALFORMED, datagram.length + " bytes is too short for IPv" + family);
    }
    int keyId = datagram[2] & 0xff;
    AuthKey key = keys.get(keyId);
    if (key == null) {
      return new Drop(DropReason.UNKNOWN_KEY, "key id " + keyId);
    }
    byte[] expected = tag(key, datagram, bodyLength);
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(datagram, bodyLength, datagram.length))) {
      return new Drop(DropReason.BAD_HMAC, "key id " + keyId);
    }
    ByteBuffer in = ByteBuffer.wrap(datagram, 4, bodyLength - 4);
    long epoch = in.getLong();
    long sequence = in.getLong();
    long timestamp = in.getLong();
    InetAddress source = address(datagram, FIXED_HEADER, addressLength);
    InetAddress destination = address(datagram, FIXED_HEADER + addressLength, addressLength);
    byte[] payload = Arrays.copyOfRange(datagram, payloadStart, bodyLength);
    return new Envelope(keyId, epoch, sequence, timestamp, source, destination, payload);
  }

  private static InetAddress address(byte[] datagram, int offset, int length) {
    try {
      return InetAddress.getByAddress(Arrays.copyOfRange(datagram, offset, offset + length));
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible); // only thrown for lengths other than 4 and 16
    }
  }

  private static byte[] tag(AuthKey key, byte[] data, int length) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key.secret(), HMAC));
      mac.update(data, 0, length);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + HMAC, e);
    }
  }
}
