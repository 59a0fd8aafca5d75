package io.vipd.plugins.exec;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.HaEvent;
import io.vipd.api.HaState;
import io.vipd.api.PluginConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
  /** Keys of the notifier's YAML entry that the daemon reads itself (dispatch settings); ignored here. */
  private static final Set<String> DAEMON_KEYS =
      Set.of("name", "type", "events", "queue-capacity", "send-timeout", "retries");

  static ExecSettings parse(JsonObject config) throws PluginConfigException {
    List<PluginConfigException.Problem> problems = new ArrayList<>();
    for (String key : config.fieldNames()) {
      if (!KEYS.contains(key) && !DAEMON_KEYS.contains(key)) {
        problems.add(new PluginConfigException.Problem(key, "unknown setting; known: " + KEYS));
      }
    }
    List<String> command = parseCommand(config.getValue("command"), "command", problems);
    Map<HaState, List<String>> perState = new EnumMap<>(HaState.class);
    STATE_KEYS.forEach(
        (key, state) -> {
          List<String> argv = parseCommand(config.getValue(key), key, problems);
          if (argv != null) {
            perState.put(state, argv);
          }
        });
    if (command == null && perState.isEmpty() && config.getValue("command") == null) {
      problems.add(
          new PluginConfigException.Problem(
              "", "needs 'command' or at least one of on-master, on-backup, on-fault, on-stop"));
    }
    Duration timeout =
        ConfigValues.duration(config.getValue("timeout"), "timeout", DEFAULT_TIMEOUT, problems);
    boolean retry = flag(config, "retry-on-failure", problems);
    boolean checkEvents = flag(config, "check-events", problems);
    if (!problems.isEmpty()) {
      throw new PluginConfigException(problems);
    }
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

  private static List<String> parseCommand(
      Object value, String path, List<PluginConfigException.Problem> problems) {
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
          problems.add(new PluginConfigException.Problem(path, "must list strings only"));
          return null;
        }
      }
    }
    if (argv.isEmpty() || argv.get(0).isBlank()) {
      problems.add(new PluginConfigException.Problem(path, "must be a command: a string or a list of strings"));
      return null;
    }
    return List.copyOf(argv);
  }

  private static boolean flag(
      JsonObject config, String key, List<PluginConfigException.Problem> problems) {
    Object value = config.getValue(key, false);
    if (!(value instanceof Boolean b)) {
      problems.add(new PluginConfigException.Problem(key, "must be true or false"));
      return false;
    }
    return b;
  }
}
