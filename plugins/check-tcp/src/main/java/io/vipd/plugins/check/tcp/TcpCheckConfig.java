package io.vipd.plugins.check.tcp;

import io.vipd.api.SettingsReader;
import io.vertx.core.json.JsonObject;
import io.vipd.api.PluginConfigException;
import java.time.Duration;
import java.util.Set;

/**
 * The {@code type: tcp} configuration.
 *
 * @param host the host name or address to connect to
 * @param port the TCP port
 * @param send bytes to write once connected (escapes {@code \n \r \t \\} decoded), or null
 * @param expect the prefix the reply must start with, or null to only connect
 * @param connectTimeout bound on connecting and on waiting for the reply ({@code connect-timeout}, default 2s)
 * @param degradedLatency above this connect (or reply) time the check is DEGRADED, or null
 */
record TcpCheckConfig(String host, int port, String send, String expect, Duration connectTimeout,
    Duration degradedLatency) {

  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Set<String> KEYS = Set.of("host", "port", "send", "expect", "connect-timeout", "degraded-latency");

  static TcpCheckConfig parse(JsonObject config) throws PluginConfigException {
    SettingsReader reader = new SettingsReader(config, KEYS);
    String host = reader.requiredString("host");
    int port = reader.requiredInt("port", 1, 65535);
    String send = reader.optionalString("send");
    String expect = reader.optionalString("expect");
    Duration connectTimeout = reader.optionalDuration("connect-timeout");
    Duration degraded = reader.optionalDuration("degraded-latency");
    reader.done();
    return new TcpCheckConfig(host, port, send == null ? null : unescape(send), expect == null ? null : unescape(expect),
        connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout, degraded);
  }

  /** Decodes {@code \n}, {@code \r}, {@code \t} and {@code \\}, so a single-quoted YAML string can carry them. */
  static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        switch (next) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case '\\' -> out.append('\\');
          default -> out.append(c).append(next);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
