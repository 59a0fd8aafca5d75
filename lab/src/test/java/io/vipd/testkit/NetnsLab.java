package io.vipd.testkit;

import static org.awaitility.Awaitility.await;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A throw-away Ethernet segment made of Linux network namespaces: a bridge in a namespace of its own and
 * one namespace per node, each with an {@code eth0} veth plugged into the bridge, addressed
 * {@code 10.99.0.N/24} and {@code fd99::N/64}. The host's own interfaces are never touched. Names carry a
 * per-lab random suffix; {@link #close()} deletes every namespace it created, also after a failed test.
 */
public final class NetnsLab implements AutoCloseable {
  /** Every node's interface name. */
  public static final String INTERFACE = "eth0";

  /** A node of the lab. */
  public record Node(String namespace, String interfaceName, Inet4Address ipv4, Inet6Address ipv6) {
    /** Runs {@code command} inside the node's namespace and returns its output. */
    public String exec(String... command) {
      List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
      full.addAll(List.of(command));
      return Shell.run(full);
    }

    /** The interface's MAC as {@code ip} prints it ({@code 02:..}). */
    public String mac() {
      String line = exec("ip", "-o", "link", "show", interfaceName);
      int at = line.indexOf("link/ether ") + "link/ether ".length();
      return line.substring(at, at + 17);
    }

    /** The interface's IPv6 link-local address. */
    public Inet6Address linkLocal() {
      String out = exec("ip", "-o", "-6", "addr", "show", "dev", interfaceName, "scope", "link");
      int at = out.indexOf("inet6 ") + "inet6 ".length();
      return (Inet6Address) address(out.substring(at, out.indexOf('/', at)));
    }
  }

  private final String prefix;
  private final String bridgeNamespace;
  private final List<String> namespaces = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();

  private NetnsLab(String prefix) {
    this.prefix = prefix + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000_0000, 0x7fff_ffff));
    this.bridgeNamespace = this.prefix + "-br";
  }

  /** Creates the bridge namespace; {@code prefix} names the test suite ({@code vnet}). */
  public static NetnsLab create(String prefix) {
    Environment.requireRootAndTools("ip", "sysctl");
    NetnsLab lab = new NetnsLab(prefix);
    try {
      lab.addNamespace(lab.bridgeNamespace);
      lab.inBridge("ip", "link", "add", "br0", "type", "bridge", "mcast_snooping", "0");
      lab.inBridge("ip", "link", "set", "br0", "up");
    } catch (RuntimeException e) {
      lab.close();
      throw e;
    }
    return lab;
  }

  /** Adds node {@code number} (1..250): namespace, veth into the bridge, addresses, links up. */
  public Node addNode(String name, int number) {
    String namespace = prefix + "-" + name;
    addNamespace(namespace);
    // DAD off before eth0 exists, so its addresses (and its link-local one) are usable at once
    Shell.run("ip", "netns", "exec", namespace, "sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0");
    Shell.run("ip", "netns", "exec", namespace, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0");
    String port = "p" + number;
    Shell.run("ip", "-n", namespace, "link", "add", INTERFACE, "type", "veth", "peer", "name", port,
        "netns", bridgeNamespace);
    inBridge("ip", "link", "set", port, "master", "br0", "up");
    Shell.run("ip", "-n", namespace, "addr", "add", "10.99.0." + number + "/24", "dev", INTERFACE);
    Shell.run("ip", "-n", namespace, "addr", "add", "fd99::" + number + "/64", "dev", INTERFACE, "nodad");
    Shell.run("ip", "-n", namespace, "link", "set", "lo", "up");
    Shell.run("ip", "-n", namespace, "link", "set", INTERFACE, "up");
    Node node = new Node(namespace, INTERFACE, (Inet4Address) address("10.99.0." + number),
        (Inet6Address) address("fd99::" + number));
    await("link-local address on " + namespace).atMost(Duration.ofSeconds(10))
        .until(() -> node.exec("ip", "-6", "-o", "addr", "show", "dev", INTERFACE, "scope", "link").contains("fe80"));
    nodes.add(node);
    return node;
  }

  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  private void inBridge(String... command) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", bridgeNamespace));
    full.addAll(List.of(command));
    Shell.run(full);
  }

  private void addNamespace(String namespace) {
    Shell.run("ip", "netns", "add", namespace);
    namespaces.add(namespace);
  }

  /** Deletes every namespace this lab created (their veths and bridge go with them). */
  @Override
  public void close() {
    for (int i = namespaces.size() - 1; i >= 0; i--) {
      Shell.tryRun(List.of("ip", "netns", "del", namespaces.get(i)));
    }
    namespaces.clear();
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
