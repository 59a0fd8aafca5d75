package io.vipd.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The vipd configuration of one lab node: a single VRRP instance {@code lab} on {@code eth0} with one IPv4
 * VIP, multicast adverts, no API and no plugins; written by {@link VipdYaml}.
 *
 * @param node the node name shown in logs
 * @param version VRRP version, 2 or 3
 * @param vrid the virtual router id
 * @param priority 1..254
 * @param advertInterval v2: whole seconds; v3: 10 ms steps
 * @param vip the VIP with its prefix, {@code 10.99.0.10/24}
 */
public record NodeConfig(String node, int version, int vrid, int priority, Duration advertInterval, String vip) {

  /** This configuration, to add to. */
  public VipdYaml toYaml() {
    return VipdYaml.node(node).withoutPlugins().instance(VipdYaml.Instance.named("lab").vrid(vrid).version(version)
        .priority(priority).advertInterval(advertInterval).vips(vip));
  }

  /** The YAML text of this configuration. */
  public String yaml() {
    return toYaml().text();
  }

  /** Writes {@link #yaml()} to {@code file} and returns it. */
  public Path writeTo(Path file) throws IOException {
    Files.writeString(file, yaml());
    return file;
  }
}
