package io.vipd.plugins.check.exec;

import io.vipd.api.SettingsReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.PluginConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code type: exec} configuration, keepalived {@code track_script} compatible.
 *
 * @param command the argv to run; a YAML string becomes {@code [/bin/sh, -c, string]}
 * @param degradedExitCode the exit code that means DEGRADED rather than DOWN, or null
 * @param killTimeout after this the whole process tree is killed and the check is DOWN ({@code kill-timeout},
 *     default 2s; set it to the check's {@code timeout})
 */
record ExecCheckConfig(List<String> command, Integer degradedExitCode, Duration killTimeout) {
  static final Duration DEFAULT_KILL_TIMEOUT = Duration.ofSeconds(2);
  private static final Set<String> KEYS = Set.of("command", "degraded-exit-code", "kill-timeout");

  static ExecCheckConfig parse(JsonObject config) throws PluginConfigException {
    SettingsReader reader = new SettingsReader(config, KEYS);
    List<String> command = new ArrayList<>();
    Object raw = reader.raw("command");
    if (raw == null) {
      reader.problem("command", "is required");
    } else if (raw instanceof String line && !line.isBlank()) {
      command.addAll(List.of("/bin/sh", "-c", line));
    } else if (raw instanceof JsonArray argv && !argv.isEmpty()) {
      for (int i = 0; i < argv.size(); i++) {
        if (argv.getValue(i) instanceof String arg) {
          command.add(arg);
        } else {
          reader.problem("command[" + i + "]", "must be a string");
        }
      }
    } else {
      reader.problem("command", "must be a shell command string or a non-empty list of arguments");
    }
    Integer degraded = reader.optionalInt("degraded-exit-code", 1, 255);
    Duration killTimeout = reader.optionalDuration("kill-timeout");
    reader.done();
    return new ExecCheckConfig(List.copyOf(command), degraded,
        killTimeout == null ? DEFAULT_KILL_TIMEOUT : killTimeout);
  }
}
