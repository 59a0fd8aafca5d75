package io.vipd.scenario;

import io.vipd.lab.VipdYaml;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
    List<String> unicastPeers,
    String apiToken) {

  static final int VRID = 51;
  /** The one instance's name, as its transition lines say. */
  static final String INSTANCE = "vip";
  /** Where a node with {@link #withApi} serves its API, on its namespace's loopback. */
  static final String API_LISTEN = "127.0.0.1:9595";

  static NodeConfig of(String node, Timing timing, int priority, String vip) {
    return new NodeConfig(node, timing, priority, true, Duration.ZERO, vip, List.of(), null);
  }

  NodeConfig withPreempt(boolean preempt) {
    return new NodeConfig(node, timing, priority, preempt, preemptDelay, vip, unicastPeers, apiToken);
  }

  NodeConfig withPreemptDelay(Duration delay) {
    return new NodeConfig(node, timing, priority, preempt, delay, vip, unicastPeers, apiToken);
  }

  NodeConfig withUnicastPeers(String... peers) {
    return new NodeConfig(node, timing, priority, preempt, preemptDelay, vip, List.of(peers), apiToken);
  }

  /** With the HTTP API on {@link #API_LISTEN}, control requests allowed with {@code token}. */
  NodeConfig withApi(String token) {
    return new NodeConfig(node, timing, priority, preempt, preemptDelay, vip, unicastPeers, token);
  }

  /** The VIP without its prefix length. */
  String vipAddress() {
    return vip.substring(0, vip.indexOf('/'));
  }

  String yaml(Path pluginsDirectory) {
    VipdYaml.Instance instance = VipdYaml.Instance.named(INSTANCE).vrid(VRID).version(timing.version())
        .priority(priority).advertInterval(timing.interval()).with("preempt", preempt);
    if (!preemptDelay.isZero()) {
      instance.with("preempt-delay", preemptDelay);
    }
    if (!unicastPeers.isEmpty()) {
      instance.transport("unicast", Map.of("peers", unicastPeers));
    }
    VipdYaml yaml = VipdYaml.node(node).plugins(pluginsDirectory);
    if (apiToken != null) {
      yaml.with("api", Map.of("listen", API_LISTEN, "token", apiToken));
    }
    return yaml.instance(instance.vips(vip)).text();
  }
}
