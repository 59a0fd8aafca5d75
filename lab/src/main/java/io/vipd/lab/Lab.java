package io.vipd.lab;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A throwaway virtual LAN made of Linux network namespaces: one namespace holds a bridge, each host is a
 * namespace of its own with an {@code eth0} veth plugged into that bridge. Everything it creates has a
 * per-run unique name and lives only inside those namespaces, so the machine's own interfaces are never
 * touched. Used by {@code vipd demo}, the namespace tests and the failover benchmark. Needs root and iproute2.
 *
 * <p>{@link #close()} stops every process started through the lab and deletes every namespace, also after
 * a failure; a JVM shutdown hook does the same on Ctrl-C.
 */
public final class Lab implements AutoCloseable {
  /** The IPv4 subnet of every lab; it exists only inside the lab's namespaces. */
  public static final String SUBNET_V4 = "10.99.0.";
  /** The IPv6 prefix of every lab (unique local, fd99::/64). */
  public static final String SUBNET_V6 = "fd99::";

  private final String prefix;
  private final String bridgeNamespace;
  private final Map<String, LabHost> hosts = new LinkedHashMap<>();
  private final List<Process> processes = new ArrayList<>();
  /** Closed first, newest first, when the lab closes: agents and servers that live in its namespaces. */
  private final List<AutoCloseable> residents = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::closeQuietly, "lab-cleanup");
  private boolean closed;
  private boolean duplicateAddressDetection = true;

  private Lab(String prefix) {
    this.prefix = prefix;
    this.bridgeNamespace = prefix + "-br";
  }

  /** Creates the bridge namespace; add hosts with {@link #addHost}. */
  public static Lab create() throws IOException {
    byte[] random = new byte[3];
    new SecureRandom().nextBytes(random);
    Lab lab = new Lab("vl" + HexFormat.of().formatHex(random));
    Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
    try {
      lab.run("ip", "netns", "add", lab.bridgeNamespace);
      // no snooping: VRRP groups and solicited-node addresses are flooded like on a plain switch
      lab.inBridge("ip", "link", "add", "br0", "type", "bridge", "mcast_snooping", "0");
      lab.inBridge("ip", "link", "set", "br0", "up");
    } catch (IOException | RuntimeException e) {
      lab.close();
      throw e;
    }
    return lab;
  }

  /**
   * Hosts added from now on skip IPv6 duplicate address detection, so their link-local address is usable
   * as soon as {@link #addHost} returns (a raw VRRPv3 socket binds to it). By default a host's link-local
   * address is tentative for a while, as on a real machine that just came up.
   */
  public Lab withoutDuplicateAddressDetection() {
    duplicateAddressDetection = false;
    return this;
  }

  /** The per-run unique prefix of every namespace of this lab. */
  public String prefix() {
    return prefix;
  }

  /**
   * Adds a host namespace with {@code eth0} on the bridge, {@code 10.99.0.<octet>/24} and
   * {@code fd99::<octet>/64} (no DAD, so it is usable at once), and {@code lo} up.
   */
  public LabHost addHost(String name, int octet) throws IOException {
    if (hosts.containsKey(name)) {
      throw new IllegalArgumentException("host " + name + " exists already");
    }
    String namespace = prefix + "-" + name;
    String bridgePort = "v" + octet + prefix.substring(2);
    run("ip", "netns", "add", namespace);
    LabHost host = new LabHost(this, name, namespace, octet, bridgePort);
    hosts.put(name, host);
    if (!duplicateAddressDetection) {
      // off before eth0 exists, so its link-local address is usable at once
      host.exec("sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0");
      host.exec("sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0");
    }
    inBridge("ip", "link", "add", bridgePort, "type", "veth", "peer", "name", "eth0", "netns", namespace);
    inBridge("ip", "link", "set", bridgePort, "master", "br0", "up");
    host.exec("ip", "link", "set", "lo", "up");
    host.exec("ip", "link", "set", "eth0", "up");
    host.exec("ip", "addr", "add", host.ipv4() + "/24", "dev", "eth0");
    host.exec("ip", "addr", "add", host.ipv6() + "/64", "dev", "eth0", "nodad");
    if (!duplicateAddressDetection) {
      host.awaitLinkLocal(Duration.ofSeconds(10));
    }
    return host;
  }

  public LabHost host(String name) {
    LabHost host = hosts.get(name);
    if (host == null) {
      throw new IllegalArgumentException("no host " + name);
    }
    return host;
  }

  /** Runs a command inside the bridge namespace. */
  public String inBridge(String... command) throws IOException {
    return run(withNamespace(bridgeNamespace, command));
  }

  /** Starts a process inside {@code namespace}; the lab stops it in {@link #close()}. */
  Process spawn(String namespace, List<String> command, ProcessBuilder.Redirect output) throws IOException {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output);
    Process process = builder.start();
    synchronized (processes) {
      processes.add(process);
    }
    return process;
  }

  static String[] withNamespace(String namespace, String... command) {
    String[] full = new String[command.length + 4];
    full[0] = "ip";
    full[1] = "netns";
    full[2] = "exec";
    full[3] = namespace;
    System.arraycopy(command, 0, full, 4, command.length);
    return full;
  }

  /** Runs a command to completion (10 s at most) and returns its output; a non-zero exit is an IOException. */
  public static String run(String... command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      boolean finished = process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      String output = new String(process.getInputStream().readAllBytes());
      if (!finished) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + ": did not finish within 10 s");
      }
      if (process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + ": exit " + process.exitValue() + ": " + output.strip());
      }
      return output;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }

  /**
   * Closes {@code resident} (an agent JVM, a server living in a namespace) when the lab closes, before its
   * processes stop and its namespaces go; returns it.
   */
  public <T extends AutoCloseable> T closing(T resident) {
    synchronized (residents) {
      residents.add(resident);
    }
    return resident;
  }

  /** Stops every process the lab started (their children too) and deletes the lab's namespaces. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // called from the hook itself
    }
    closeQuietly();
  }

  private void closeQuietly() {
    List<AutoCloseable> living;
    synchronized (residents) {
      living = new ArrayList<>(residents);
    }
    Collections.reverse(living);
    for (AutoCloseable resident : living) {
      try {
        resident.close();
      } catch (Exception e) {
        // the namespaces go anyway
      }
    }
    List<Process> started;
    synchronized (processes) {
      started = new ArrayList<>(processes);
    }
    for (Process process : started) {
      LabHost.kill(process, Duration.ofSeconds(2));
    }
    for (LabHost host : hosts.values()) {
      deleteNamespace(host.namespace());
    }
    deleteNamespace(bridgeNamespace);
  }

  private static void deleteNamespace(String namespace) {
    try {
      run("ip", "netns", "del", namespace);
    } catch (IOException e) {
      // already gone
    }
  }
}
