package io.vipd.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole, validated vipd configuration.
 *
 * @param source the file it was read from, as given
 * @param node this node's name (default: the host name)
 * @param pluginsDirectory where plugin jars live (default: {@code $VIPD_HOME/plugins})
 * @param stateDirectory where the daemon keeps what must survive a restart (which instances are in
 *     maintenance), when {@code state-directory} is set; else {@code $STATE_DIRECTORY} or {@code /var/lib/vipd}
 * @param api the HTTP status/control API, when configured
 * @param checks health checks by name, in file order
 * @param notifiers notifiers by name, in file order
 * @param instances the VRRP instances, in file order
 */
public record VipdConfig(
    String source,
    String node,
    Path pluginsDirectory,
    Optional<Path> stateDirectory,
    Optional<ApiConfig> api,
    Map<String, CheckConfig> checks,
    Map<String, NotifierConfig> notifiers,
    List<InstanceConfig> instances) {

  public VipdConfig {
    checks = Ordered.copyOf(checks);
    notifiers = Ordered.copyOf(notifiers);
    instances = List.copyOf(instances);
  }
}
