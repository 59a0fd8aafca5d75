package io.vipd.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The vipd configuration of one lab node: a single VRRP instance on {@code eth0} with one IPv4 VIP,
 * multicast adverts, no API and no plugins (the plugin directory points at a path that does not exist).
 *
 * @param node the node name shown in logs
 * @param version VRRP version, 2 or 3
 * @param vrid the virtual router id
 * @param priority 1..254
 * @param advertInterval v2: whole seconds; v3: 10 ms steps
 * @param vip the VIP with its prefix, {@code 10.99.0.10/24}
 */
public record NodeConfig(String node, int version, int vrid, int priority, Duration advertInterval, String vip) {

  /** The YAML text of this configuration. */
  public String yaml() {
    return """
        node: %s
        plugins:
          directory: /nonexistent/vipd-lab-plugins
        instances:
          - name: lab
            interface: eth0
            vrid: %d
            version: %d
            priority: %d
            advert-interval: %dms
            vips: [%s]
        """.formatted(node, vrid, version, priority, advertInterval.toMillis(), vip);
  }

  /** Writes {@link #yaml()} to {@code file} and returns it. */
  public Path writeTo(Path file) throws IOException {
    Files.writeString(file, yaml());
    return file;
  }
}
