package io.vipd.lab.demo;

import java.util.List;

/**
 * The classic {@code arp -a} picture of a VRRP pair as the client sees it: the two nodes and the VIP,
 * whose MAC is the MAC of whichever node holds it.
 */
final class NeighbourPicture {
  /** One row: a name, its IPv4 address and the MAC (null when the client has no entry). */
  record Row(String name, String address, String mac) {}

  private NeighbourPicture() {}

  /**
   * Renders the rows, marking the VIP row with the node whose MAC it shares:
   * <pre>
   *   node1  (10.99.0.11) at 02:aa:...
   *   VIP    (10.99.0.10) at 02:aa:...  = node1
   * </pre>
   */
  static String render(List<Row> nodes, Row vip, String indent) {
    StringBuilder out = new StringBuilder();
    int width = Math.max(vip.name().length(), nodes.stream().mapToInt(r -> r.name().length()).max().orElse(0));
    for (Row node : nodes) {
      out.append(line(node, width, indent)).append('\n');
    }
    String owner = nodes.stream().filter(n -> n.mac() != null && n.mac().equalsIgnoreCase(vip.mac()))
        .map(Row::name).findFirst().orElse(vip.mac() == null ? "no entry" : "unknown MAC");
    out.append(line(vip, width, indent)).append("  <- ").append(owner).append('\n');
    return out.toString();
  }

  private static String line(Row row, int width, String indent) {
    String name = String.format("%-" + width + "s", row.name());
    return indent + name + " (" + row.address() + ") at " + (row.mac() == null ? "<incomplete>" : row.mac());
  }
}
