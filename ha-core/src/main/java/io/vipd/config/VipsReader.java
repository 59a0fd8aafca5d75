package io.vipd.config;

import io.vipd.api.IpLiterals;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an instance's {@code vips:}, each {@code 10.0.0.100/24} or {@code {address: ..., label: ...}}:
 * one address family per instance, IPv6 only with version 3, labels keepalived style.
 */
final class VipsReader {
  private static final Set<String> KEYS = Set.of("address", "label");
  /** IFNAMSIZ - 1: the kernel's limit for an interface name, and so for an address label. */
  static final int MAX_LABEL_LENGTH = 15;

  private final NodeReader reader;

  VipsReader(NodeReader reader) {
    this.reader = reader;
  }

  /**
   * @param version the instance's VRRP version, or null when it is invalid
   * @return the addresses, or null when none is valid
   */
  List<VipConfig> read(YamlMapping instance, String interfaceName, Integer version) {
    Node node = instance.require("vips");
    String path = instance.path("vips");
    List<Node> items = node == null ? null : reader.list(node, path);
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      reader.problem(node, path, "needs at least one address");
      return null;
    }
    List<VipConfig> vips = new ArrayList<>();
    Set<InetAddress> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      VipConfig vip = readOne(items.get(i), itemPath, interfaceName);
      if (vip == null) {
        continue;
      }
      Node at = items.get(i);
      if (!seen.add(vip.address())) {
        reader.problem(at, itemPath, "duplicate address " + vip.address().getHostAddress());
      } else if (vip.ipv6() && Integer.valueOf(2).equals(version)) {
        reader.problem(at, itemPath, "IPv6 addresses need version 3 (VRRPv2, RFC 3768, is IPv4 only)");
      } else if (!vips.isEmpty() && vips.get(0).ipv6() != vip.ipv6()) {
        reader.problem(
            at,
            itemPath,
            "all addresses of an instance must be one family: "
                + IpLiterals.family(vip.address())
                + " here, "
                + IpLiterals.family(vips.get(0).address())
                + " before; use a second instance for the other family");
      } else {
        vips.add(vip);
      }
    }
    return vips.isEmpty() ? null : vips;
  }

  private VipConfig readOne(Node node, String path, String interfaceName) {
    if (node instanceof MappingNode mappingNode) {
      YamlMapping mapping = new YamlMapping(reader, mappingNode, path);
      mapping.rejectUnknownKeys(KEYS);
      Node addressNode = mapping.require("address");
      VipConfig vip = addressNode == null ? null : cidr(addressNode, mapping.path("address"));
      String label = mapping.string("label", null);
      if (vip == null || label == null) {
        return vip;
      }
      Node labelNode = mapping.value("label");
      String labelPath = mapping.path("label");
      if (vip.ipv6()) {
        reader.problem(labelNode, labelPath, "labels apply to IPv4 addresses only");
      } else if (label.length() > MAX_LABEL_LENGTH) {
        reader.problem(labelNode, labelPath, "must be at most " + MAX_LABEL_LENGTH + " characters, got " + label.length());
      } else if (interfaceName != null && !label.startsWith(interfaceName + ":")) {
        reader.problem(
            labelNode, labelPath, "must start with `" + interfaceName + ":` (the interface name), got `" + label + "`");
      } else {
        return new VipConfig(vip.address(), vip.prefixLength(), Optional.of(label));
      }
      return vip;
    }
    return cidr(node, path);
  }

  /** {@code 10.0.0.100/24}, {@code fd00::100/64}, or a bare address (/32, /128). */
  private VipConfig cidr(Node node, String path) {
    Text text = reader.text(node, path);
    if (text == null) {
      return null;
    }
    String value = text.value().trim();
    int slash = value.indexOf('/');
    InetAddress address;
    try {
      address = IpLiterals.require(slash < 0 ? value : value.substring(0, slash));
    } catch (IllegalArgumentException e) {
      reader.problem(node, path, "must be an IP address with an optional /prefix, got `" + text.shown() + "`");
      return null;
    }
    int maxPrefix = address.getAddress().length * 8;
    if (slash < 0) {
      return new VipConfig(address, maxPrefix, Optional.empty());
    }
    String prefix = value.substring(slash + 1);
    if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) < 1 || Integer.parseInt(prefix) > maxPrefix) {
      reader.problem(node, path, "prefix length must be 1.." + maxPrefix + ", got `/" + prefix + "`");
      return null;
    }
    return new VipConfig(address, Integer.parseInt(prefix), Optional.empty());
  }
}
