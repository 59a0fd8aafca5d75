package io.vipd.lab;

import java.io.File;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One host of a {@link Lab}: a network namespace with {@code eth0} on the lab's bridge. */
public final class LabHost {
  private final Lab lab;
  private final String name;
  private final String namespace;
  private final int octet;
  private final String bridgePort;

  LabHost(Lab lab, String name, String namespace, int octet, String bridgePort) {
    this.lab = lab;
    this.name = name;
    this.namespace = namespace;
    this.octet = octet;
    this.bridgePort = bridgePort;
  }

  public String name() {
    return name;
  }

  /** The namespace name, for {@code ip netns exec}. */
  public String namespace() {
    return namespace;
  }

  public String ipv4() {
    return Lab.SUBNET_V4 + octet;
  }

  public String ipv6() {
    return Lab.SUBNET_V6 + Integer.toHexString(octet);
  }

  /** Runs a command inside this host and returns its output; a non-zero exit is an IOException. */
  public String exec(String... command) throws IOException {
    return Lab.run(Lab.withNamespace(namespace, command));
  }

  /** Starts a long-running process inside this host, its output appended to {@code log}. */
  public Process spawn(List<String> command, File log) throws IOException {
    return lab.spawn(namespace, command, ProcessBuilder.Redirect.appendTo(log));
  }

  /** Starts a long-running process inside this host whose output (stdout and stderr) the caller reads. */
  Process spawnPiped(List<String> command) throws IOException {
    return lab.spawn(namespace, command, ProcessBuilder.Redirect.PIPE);
  }

  /** The MAC address of {@code eth0}. */
  public String mac() throws IOException {
    for (String line : exec("ip", "-o", "link", "show", "eth0").split("\n")) {
      int at = line.indexOf("link/ether ");
      if (at >= 0) {
        return line.substring(at + 11, at + 28);
      }
    }
    throw new IOException("no MAC on eth0 in " + namespace);
  }

  /** The IPv6 link-local address of {@code eth0} (the VRRPv3 source address), without a scope. */
  public Inet6Address linkLocal() throws IOException {
    String out = exec("ip", "-o", "-6", "addr", "show", "dev", "eth0", "scope", "link");
    int at = out.indexOf("inet6 ");
    if (at < 0) {
      throw new IOException("no link-local address on eth0 in " + namespace);
    }
    at += "inet6 ".length();
    return (Inet6Address) InetAddress.getByName(out.substring(at, out.indexOf('/', at)));
  }

  void awaitLinkLocal(Duration deadline) throws IOException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!exec("ip", "-o", "-6", "addr", "show", "dev", "eth0", "scope", "link").contains("fe80")) {
      if (System.nanoTime() > end) {
        throw new IOException("no link-local address on eth0 in " + namespace + " after " + deadline);
      }
      try {
        Thread.sleep(20); // polling the kernel with a deadline, not synchronising threads
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  /** Whether {@code address} (without prefix) is configured on {@code eth0}. */
  public boolean hasAddress(String address) throws IOException {
    for (String line : exec("ip", "-o", "addr", "show", "dev", "eth0").split("\n")) {
      String[] words = line.trim().split("\\s+");
      for (int i = 0; i + 1 < words.length; i++) {
        if ((words[i].equals("inet") || words[i].equals("inet6")) && words[i + 1].startsWith(address + "/")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The MAC this host's neighbour table holds for {@code address}, or null when it has none. */
  public String neighbourMac(String address) throws IOException {
    String line = exec("ip", "neigh", "show", address, "dev", "eth0").trim();
    int at = line.indexOf("lladdr ");
    return at < 0 ? null : line.substring(at + 7, at + 24);
  }

  /**
   * Stops (or resumes) the switch forwarding this host's frames, its link staying up: a partition, which
   * neither side sees as a link fault.
   */
  public void setPortForwarding(boolean forwarding) throws IOException {
    lab.inBridge("bridge", "link", "set", "dev", bridgePort, "state", forwarding ? "3" : "0");
  }

  /** Takes {@code eth0} down (or up): to the peers it looks like a dead host or a pulled cable. */
  public void setLink(boolean up) throws IOException {
    exec("ip", "link", "set", "eth0", up ? "up" : "down");
  }

  /** Sends SIGTERM, waits up to {@code grace}, then SIGKILL; children of the process are killed too. */
  static void kill(Process process, Duration grace) {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }
}
