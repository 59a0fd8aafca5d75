package com.example.vipd.diskfree;

import io.vertx.core.json.JsonObject;
import io.vipd.api.HealthCheck;
import io.vipd.api.HealthCheckFactory;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginConfigException.Problem;
import io.vipd.api.PluginContext;
import java.util.ArrayList;
import java.util.List;
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
    List<Problem> problems = new ArrayList<>();
    for (String key : config.fieldNames()) {
      if (!List.of("path", "min-free-percent", "degraded-below-percent").contains(key)) {
        problems.add(new Problem(key, "unknown key"));
      }
    }
    Object path = config.getValue("path");
    if (!(path instanceof String p) || !p.startsWith("/")) {
      problems.add(new Problem("path", "is required: an absolute path on the filesystem to watch"));
    }
    double minFree = percent(config, "min-free-percent", 5, problems);
    double degradedBelow = percent(config, "degraded-below-percent", minFree, problems);
    if (degradedBelow < minFree) {
      problems.add(new Problem("degraded-below-percent", "must be at least min-free-percent (" + minFree + ")"));
    }
    if (!problems.isEmpty()) {
      throw new PluginConfigException(problems);
    }
    return new DiskFreeHealthCheck(context.vertx(), (String) path, minFree, degradedBelow);
  }

  private static double percent(JsonObject config, String key, double defaultValue, List<Problem> problems) {
    Object value = config.getValue(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 100) {
      problems.add(new Problem(key, "must be a number from 0 to 100"));
      return defaultValue;
    }
    return n.doubleValue();
  }
}
