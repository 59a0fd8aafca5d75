package io.vipd.scenario;

import java.time.Duration;
import java.util.List;

/**
 * What one node of a scenario is configured with; {@link #yaml} writes it as a {@code vipd run} file
 * with a single instance {@code vip} on {@code eth0}.
 */
record NodeConfig(
    String node,
    Timing timing,
    int priority,
    boolean preempt,
    Duration preemptDelay,
    String vip,
    List<String> unicastPeers) {

  static final int VRID = 51;
  /** The one instance's name, as its transition lines say. */
  static final String INSTANCE = "vip";

  static NodeConfig of(String node, Timing timing, int priority, String vip) {
    return new NodeConfig(node, timing, priority, true, Duration.ZERO, vip, List.of());
  }

  NodeConfig withPreempt(boolean preempt) {
    return new NodeConfig(node, timing, priority, preempt, preemptDelay, vip, unicastPeers);
  }

  NodeConfig withPreemptDelay(Duration delay) {
    return new NodeConfig(node, timing, priority, preempt, delay, vip, unicastPeers);
  }

  NodeConfig withUnicastPeers(String... peers) {
    return new NodeConfig(node, timing, priority, preempt, preemptDelay, vip, List.of(peers));
  }

  /** The VIP without its prefix length. */
  String vipAddress() {
    return vip.substring(0, vip.indexOf('/'));
  }

  String yaml(String pluginsDirectory) {
    StringBuilder y = new StringBuilder();
    y.append("node: ").append(node).append('\n');
    y.append("plugins:\n  directory: ").append(pluginsDirectory).append('\n');
    y.append("instances:\n");
    y.append("  - name: ").append(INSTANCE).append('\n');
    y.append("    interface: eth0\n");
    y.append("    vrid: ").append(VRID).append('\n');
    y.append("    version: ").append(timing.version()).append('\n');
    y.append("    priority: ").append(priority).append('\n');
    y.append("    advert-interval: ").append(timing.interval().toMillis()).append("ms\n");
    y.append("    preempt: ").append(preempt).append('\n');
    if (!preemptDelay.isZero()) {
      y.append("    preempt-delay: ").append(preemptDelay.toMillis()).append("ms\n");
    }
    if (!unicastPeers.isEmpty()) {
      y.append("    transport:\n      type: unicast\n      peers: [")
          .append(String.join(", ", unicastPeers.stream().map(p -> "\"" + p + "\"").toList())).append("]\n");
    }
    y.append("    vips: [\"").append(vip).append("\"]\n");
    return y.toString();
  }
}
