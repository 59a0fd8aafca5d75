package io.vipd.plugin;

import io.vipd.api.HealthCheckFactory;
import io.vipd.api.NotifierFactory;
import io.vipd.api.TransportFactory;

/** The three extension points of the plugin contract, with the noun {@code vipd plugins} prints. */
public enum ExtensionKind {
  CHECK("check", HealthCheckFactory.class),
  NOTIFIER("notifier", NotifierFactory.class),
  TRANSPORT("transport", TransportFactory.class);

  private final String noun;
  private final Class<?> extensionPoint;

  ExtensionKind(String noun, Class<?> extensionPoint) {
    this.noun = noun;
    this.extensionPoint = extensionPoint;
  }

  public String noun() {
    return noun;
  }

  public Class<?> extensionPoint() {
    return extensionPoint;
  }

  /** The {@code type()} of a factory of this kind. */
  String typeOf(Object factory) {
    return switch (this) {
      case CHECK -> ((HealthCheckFactory) factory).type();
      case NOTIFIER -> ((NotifierFactory) factory).type();
      case TRANSPORT -> ((TransportFactory) factory).type();
    };
  }
}
