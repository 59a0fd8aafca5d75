package io.vipd.plugins.notify.exec;

import io.vipd.api.HaEvent;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How an event is handed to a command: keepalived-style arguments plus {@code VIPD_*} environment variables. */
final class ExecEvent {
  private ExecEvent() {}

  /**
   * keepalived's {@code notify} arguments: {@code INSTANCE <name> <STATE> <priority>} for a state
   * change; for a check change (a vipd addition) {@code CHECK <check> <STATUS> <priority>}.
   */
  static List<String> keepalivedArguments(HaEvent event) {
    String priority = Integer.toString(event.effectivePriority());
    if (event.kind() == HaEvent.Kind.CHECK_CHANGE) {
      return List.of("CHECK", event.check(), String.valueOf(event.checkStatus()), priority);
    }
    return List.of("INSTANCE", event.instance(), event.to().name(), priority);
  }

  /** The whole event as environment variables; empty strings where a field does not apply. */
  static Map<String, String> environment(HaEvent event) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("VIPD_SEQUENCE", Long.toString(event.sequence()));
    env.put("VIPD_TIMESTAMP", DateTimeFormatter.ISO_INSTANT.format(event.timestamp()));
    env.put("VIPD_NODE", event.node());
    env.put("VIPD_KIND", event.kind().name().toLowerCase(Locale.ROOT));
    env.put("VIPD_INSTANCE", event.instance());
    env.put("VIPD_VRID", Integer.toString(event.vrid()));
    env.put("VIPD_FROM", event.from() == null ? "" : event.from().name());
    env.put("VIPD_TO", event.to() == null ? "" : event.to().name());
    env.put("VIPD_REASON", event.reason());
    env.put("VIPD_PRIORITY", Integer.toString(event.effectivePriority()));
    env.put("VIPD_BASE_PRIORITY", Integer.toString(event.basePriority()));
    env.put("VIPD_VIPS", String.join(" ", event.vips()));
    env.put("VIPD_CHECK", event.check() == null ? "" : event.check());
    env.put("VIPD_CHECK_STATUS", event.checkStatus() == null ? "" : event.checkStatus().name());
    return env;
  }
}
