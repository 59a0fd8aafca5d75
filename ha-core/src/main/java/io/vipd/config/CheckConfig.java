package io.vipd.config;

import java.time.Duration;

/**
 * One health check under {@code checks:}.
 *
 * @param name the check's name (the mapping key)
 * @param type the plugin type that runs it ({@code mysql})
 * @param interval time between runs (default 1s)
 * @param timeout how long one run may take (default: the interval; never more)
 * @param rise consecutive successes before a DOWN check counts as UP again (default 1)
 * @param fall consecutive failures before an UP check counts as DOWN (default 1)
 * @param settings every other key, for the plugin
 * @param location where the check's mapping starts
 */
public record CheckConfig(
    String name,
    String type,
    Duration interval,
    Duration timeout,
    int rise,
    int fall,
    PluginSettings settings,
    ConfigLocation location) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
  public static final int DEFAULT_RISE = 1;
  public static final int DEFAULT_FALL = 1;
}
