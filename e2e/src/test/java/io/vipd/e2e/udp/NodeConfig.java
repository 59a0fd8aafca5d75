package io.vipd.e2e.udp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The vipd.yaml of one lab node: one instance {@code web} on {@code eth0} floating {@link UdpCluster#VIP},
 * with either the default multicast transport or the udp plugin transport. Keys are {@code ${file:...}}
 * references, as the README tells operators to write them.
 */
record NodeConfig(
    String node, int priority, List<String> peers, Key key, Key previousKey, String replayWindow, boolean udp) {

  /** A key file and the id it is sent under. */
  record Key(Path file, int id) {}

  static NodeConfig multicast(String node, int priority) {
    return new NodeConfig(node, priority, List.of(), null, null, null, false);
  }

  static NodeConfig udp(String node, int priority, List<String> peers, Key key) {
    return new NodeConfig(node, priority, peers, key, null, null, true);
  }

  NodeConfig withKeys(Key current, Key previous) {
    return new NodeConfig(node, priority, peers, current, previous, replayWindow, udp);
  }

  /** The udp transport's {@code replay-window}, e.g. {@code 2s}. */
  NodeConfig withReplayWindow(String window) {
    return new NodeConfig(node, priority, peers, key, previousKey, window, udp);
  }

  String yaml() {
    StringBuilder y = new StringBuilder()
        .append("node: ").append(node).append('\n')
        .append("instances:\n")
        .append("  - name: web\n")
        .append("    interface: eth0\n")
        .append("    vrid: 51\n")
        .append("    priority: ").append(priority).append('\n')
        .append("    advert-interval: 1s\n");
    if (udp) {
      y.append("    transport:\n")
          .append("      type: udp\n")
          .append("      peers: [").append(String.join(", ", peers)).append("]\n")
          .append("      key: ${file:").append(key.file()).append("}\n")
          .append("      key-id: ").append(key.id()).append('\n');
      if (previousKey != null) {
        y.append("      previous-key: ${file:").append(previousKey.file()).append("}\n")
            .append("      previous-key-id: ").append(previousKey.id()).append('\n');
      }
      if (replayWindow != null) {
        y.append("      replay-window: ").append(replayWindow).append('\n');
      }
    }
    y.append("    vips: [").append(UdpCluster.VIP).append("/24]\n");
    return y.toString();
  }

  Path writeTo(Path file) throws IOException {
    return Files.writeString(file, yaml());
  }
}
