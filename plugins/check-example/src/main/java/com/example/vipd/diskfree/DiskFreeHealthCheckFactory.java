package com.example.vipd.diskfree;

import io.vertx.core.json.JsonObject;
import io.vipd.api.HealthCheck;
import io.vipd.api.HealthCheckFactory;
import io.vipd.api.PluginConfigException;
import io.vipd.api.SettingsReader;
import io.vipd.api.PluginContext;
import java.util.Objects;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code type: disk-free}: DOWN when a filesystem has less than {@code min-free-percent} free, DEGRADED
 * below {@code degraded-below-percent}. The example plugin of docs/PLUGINS.md.
 *
 * <pre>
 * checks:
 *   data-disk:
 *     type: disk-free
 *     path: /var/lib/mysql
 *     min-free-percent: 5
 *     degraded-below-percent: 15
 * </pre>
 */
@Extension
public final class DiskFreeHealthCheckFactory implements HealthCheckFactory {

  @Override
  public String type() {
    return "disk-free";
  }

  /** Validates everything and reports every problem at once; connects nowhere, touches nothing. */
  @Override
  public HealthCheck create(PluginContext context, JsonObject config) throws PluginConfigException {
    SettingsReader settings = new SettingsReader(config, Set.of("path", "min-free-percent", "degraded-below-percent"));
    String path = settings.requiredString("path");
    if (path != null && !path.startsWith("/")) {
      settings.problem("path", "must be an absolute path on the filesystem to watch");
    }
    double minFree = Objects.requireNonNullElse(settings.optionalNumber("min-free-percent", 0, 100), 5.0);
    double degradedBelow =
        Objects.requireNonNullElse(settings.optionalNumber("degraded-below-percent", 0, 100), minFree);
    if (degradedBelow < minFree) {
      settings.problem("degraded-below-percent", "must be at least min-free-percent (" + minFree + ")");
    }
    settings.done();
    return new DiskFreeHealthCheck(context.vertx(), path, minFree, degradedBelow);
  }
}
