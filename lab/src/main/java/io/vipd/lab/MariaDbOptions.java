package io.vipd.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start a throwaway {@link MariaDbServer}.
 *
 * @param commandPrefix words put before {@code mariadbd}, e.g. {@code ip netns exec NS} to run the server
 *     inside a network namespace; empty to run it directly. The prefix must exec the server (keep its PID)
 * @param bindAddress the address the server listens on ({@code 127.0.0.1}, or a namespace's 10.99.x.y)
 * @param port the TCP port, or 0 to pick a free loopback port
 * @param extraArgs further {@code mariadbd} options ({@code --server-id=1}, {@code --read-only=1})
 */
public record MariaDbOptions(List<String> commandPrefix, String bindAddress, int port, List<String> extraArgs) {

  public MariaDbOptions {
    commandPrefix = List.copyOf(commandPrefix);
    Objects.requireNonNull(bindAddress, "bindAddress");
    extraArgs = List.copyOf(extraArgs);
  }

  /** A server on a free loopback port, run directly. */
  public static MariaDbOptions defaults() {
    return new MariaDbOptions(List.of(), "127.0.0.1", 0, List.of());
  }

  /** These options with the server run under {@code prefix} ({@code "ip", "netns", "exec", "ns1"}). */
  public MariaDbOptions withCommandPrefix(String... prefix) {
    return new MariaDbOptions(List.of(prefix), bindAddress, port, extraArgs);
  }

  public MariaDbOptions withBindAddress(String address) {
    return new MariaDbOptions(commandPrefix, address, port, extraArgs);
  }

  public MariaDbOptions withPort(int tcpPort) {
    return new MariaDbOptions(commandPrefix, bindAddress, tcpPort, extraArgs);
  }

  /** These options plus {@code args} appended to the server's command line. */
  public MariaDbOptions withArgs(String... args) {
    List<String> all = new ArrayList<>(extraArgs);
    all.addAll(List.of(args));
    return new MariaDbOptions(commandPrefix, bindAddress, port, all);
  }
}
