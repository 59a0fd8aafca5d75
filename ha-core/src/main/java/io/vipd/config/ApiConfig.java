package io.vipd.config;

import java.util.Optional;

/**
 * The HTTP API ({@code GET /status}, {@code GET /metrics}, token-protected POSTs).
 *
 * @param host the address to listen on, an IP literal ({@code 127.0.0.1}, {@code ::1}, {@code 0.0.0.0})
 * @param port the TCP port, 1..65535
 * @param token the bearer token that POST requests must carry; without one POSTs are refused
 */
public record ApiConfig(String host, int port, Optional<Secret> token) {

  /** Where it listens by default. */
  public static final String DEFAULT_LISTEN = "127.0.0.1:9595";
}
