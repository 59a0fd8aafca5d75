package io.vipd.plugins.notify.exec;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.HaEvent;
import io.vipd.api.HaState;
import io.vipd.api.PluginConfigException;
import io.vipd.api.SettingsReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The exec notifier's YAML settings. A command is a list ({@code [/usr/local/bin/vip-changed,
 * --verbose]}) or a string split on whitespace; it is run directly, not through a shell.
 *
 * @param command keepalived's {@code notify}: run for every event with {@code INSTANCE <name> <STATE>
 *     <priority>} appended; null if not set
 * @param perState keepalived's {@code notify_master} and friends ({@code on-master}, {@code
 *     on-backup}, {@code on-fault}, {@code on-stop}): run as written, before {@code command}
 * @param timeout how long a command may run before it and its descendants are killed
 * @param retry whether a failed command is retried by the dispatcher ({@code retry-on-failure}, default false: notify scripts
 *     are rarely idempotent)
 * @param checkEvents whether check status changes run {@code command} too ({@code CHECK <check>
 *     <STATUS> <priority>})
 */
record ExecSettings(
    List<String> command,
    Map<HaState, List<String>> perState,
    Duration timeout,
    boolean retry,
    boolean checkEvents) {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  private static final Map<String, HaState> STATE_KEYS =
      Map.of(
          "on-master", HaState.MASTER,
          "on-backup", HaState.BACKUP,
          "on-fault", HaState.FAULT,
          "on-stop", HaState.STOP);
  private static final Set<String> KEYS =
      Set.of(
          "command",
          "on-master",
          "on-backup",
          "on-fault",
          "on-stop",
          "timeout",
          "retry-on-failure",
          "check-events");

  static ExecSettings parse(JsonObject config) throws PluginConfigException {
    SettingsReader settings = new SettingsReader(config, KEYS);
    List<String> command = parseCommand(settings.raw("command"), "command", settings);
    Map<HaState, List<String>> perState = new EnumMap<>(HaState.class);
    STATE_KEYS.forEach(
        (key, state) -> {
          List<String> argv = parseCommand(settings.raw(key), key, settings);
          if (argv != null) {
            perState.put(state, argv);
          }
        });
    if (command == null && perState.isEmpty() && config.getValue("command") == null) {
      settings.problem("", "needs 'command' or at least one of on-master, on-backup, on-fault, on-stop");
    }
    Duration timeout = Objects.requireNonNullElse(settings.optionalDuration("timeout"), DEFAULT_TIMEOUT);
    boolean retry = settings.optionalBoolean("retry-on-failure", false);
    boolean checkEvents = settings.optionalBoolean("check-events", false);
    settings.done();
    return new ExecSettings(command, Map.copyOf(perState), timeout, retry, checkEvents);
  }

  /** What to run for {@code event}, in order: the per-state command, then {@code command} with arguments. */
  List<List<String>> commandsFor(HaEvent event) {
    List<List<String>> commands = new ArrayList<>(2);
    if (event.kind() == HaEvent.Kind.STATE_CHANGE && perState.containsKey(event.to())) {
      commands.add(perState.get(event.to()));
    }
    if (command != null) {
      List<String> argv = new ArrayList<>(command);
      argv.addAll(ExecEvent.keepalivedArguments(event));
      commands.add(argv);
    }
    return commands;
  }

  private static List<String> parseCommand(Object value, String path, SettingsReader settings) {
    if (value == null) {
      return null;
    }
    List<String> argv = new ArrayList<>();
    if (value instanceof String text) {
      argv.addAll(Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
    } else if (value instanceof JsonArray array) {
      for (Object item : array) {
        if (item instanceof String || item instanceof Number) {
          argv.add(String.valueOf(item));
        } else {
          settings.problem(path, "must list strings only");
          return null;
        }
      }
    }
    if (argv.isEmpty() || argv.get(0).isBlank()) {
      settings.problem(path, "must be a command: a string or a list of strings");
      return null;
    }
    return List.copyOf(argv);
  }

}
