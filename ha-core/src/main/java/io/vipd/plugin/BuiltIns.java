package io.vipd.plugin;

import io.vipd.api.HealthCheckFactory;
import io.vipd.api.NotifierFactory;
import io.vipd.api.TransportFactory;
import java.util.List;

/**
 * Factories the daemon provides itself (the multicast and unicast transports), registered next to the
 * plugins' under the origin {@link Registered#BUILT_IN}.
 */
public record BuiltIns(
    List<HealthCheckFactory> checks, List<NotifierFactory> notifiers, List<TransportFactory> transports) {

  public static final BuiltIns NONE = new BuiltIns(List.of(), List.of(), List.of());

  public BuiltIns {
    checks = List.copyOf(checks);
    notifiers = List.copyOf(notifiers);
    transports = List.copyOf(transports);
  }

  /** Only these transports. */
  public static BuiltIns transports(TransportFactory... transports) {
    return new BuiltIns(List.of(), List.of(), List.of(transports));
  }
}
