package io.vipd.e2e.udp;

import io.vipd.lab.VipdYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    VipdYaml.Instance web = VipdYaml.Instance.named(UdpCluster.INSTANCE).vrid(51).priority(priority)
        .advertInterval(Duration.ofSeconds(1));
    if (udp) {
      Map<String, Object> transport = new LinkedHashMap<>();
      transport.put("peers", peers);
      transport.put("key", "${file:" + key.file() + "}");
      transport.put("key-id", key.id());
      if (previousKey != null) {
        transport.put("previous-key", "${file:" + previousKey.file() + "}");
        transport.put("previous-key-id", previousKey.id());
      }
      if (replayWindow != null) {
        transport.put("replay-window", replayWindow);
      }
      web.transport("udp", transport);
    }
    return VipdYaml.node(node).instance(web.vips(UdpCluster.VIP + "/24")).text();
  }

  Path writeTo(Path file) throws IOException {
    return Files.writeString(file, yaml());
  }
}
