package io.vipd.vrrp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * One advert captured from keepalived, read from {@code src/test/resources/golden/NAME.hex} (format in the
 * README.md beside them): {@code key=value} lines, {@code #} comments.
 */
record GoldenVector(String name, InetAddress source, InetAddress destination, int ttl, byte[] vrrp) {

  static GoldenVector load(String name) {
    String resource = "/golden/" + name + ".hex";
    try (InputStream in = GoldenVector.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      Map<String, String> fields = new HashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        int eq = line.indexOf('=');
        if (!line.startsWith("#") && eq > 0) {
          fields.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
      }
      return new GoldenVector(name,
          InetAddress.getByName(fields.get("source")),
          InetAddress.getByName(fields.get("destination")),
          Integer.parseInt(fields.get("ttl")),
          HexFormat.of().parseHex(fields.get("vrrp")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  VrrpPacket decodeOk() {
    Decoded decoded = VrrpCodec.decode(vrrp, 0, vrrp.length, source, destination);
    if (!(decoded instanceof Decoded.Ok ok)) {
      throw new AssertionError(name + " did not decode: " + decoded);
    }
    return ok.packet();
  }
}
