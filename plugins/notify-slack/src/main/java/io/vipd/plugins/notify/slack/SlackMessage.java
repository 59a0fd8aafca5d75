package io.vipd.plugins.notify.slack;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.CheckStatus;
import io.vipd.api.HaEvent;
import io.vipd.api.HaState;
import java.time.format.DateTimeFormatter;

/**
 * Builds the Slack incoming-webhook payload for an event: a one-line {@code text} (what shows in
 * notifications) and one attachment coloured by the new state whose {@code blocks} list the details.
 */
final class SlackMessage {
  static final String GREEN = "#2eb67d";
  static final String YELLOW = "#ecb22e";
  static final String RED = "#e01e5a";
  static final String GREY = "#9e9e9e";

  private SlackMessage() {}

  static JsonObject of(HaEvent event) {
    return event.kind() == HaEvent.Kind.STATE_CHANGE ? stateChange(event) : checkChange(event);
  }

  private static JsonObject stateChange(HaEvent event) {
    String state = event.to() + (event.from() == null ? "" : " (was " + event.from() + ")");
    String text =
        emoji(event.to()) + " " + escape(event.node() + "/" + event.instance() + " " + state)
            + reasonSuffix(event);
    JsonArray fields =
        new JsonArray()
            .add(field("State", state))
            .add(field("Node", event.node()))
            .add(field("Instance", event.instance() + " (VRID " + event.vrid() + ")"))
            .add(field("VIPs", event.vips().isEmpty() ? "none" : String.join(", ", event.vips())))
            .add(field("Priority", priority(event)))
            .add(field("Reason", event.reason().isEmpty() ? "-" : event.reason()));
    return message(text, colour(event.to()), fields, event);
  }

  private static JsonObject checkChange(HaEvent event) {
    String text =
        emoji(event.checkStatus()) + " " + escape(event.node() + " check " + event.check() + " "
            + event.checkStatus()) + reasonSuffix(event);
    JsonArray fields =
        new JsonArray()
            .add(field("Check", event.check()))
            .add(field("Status", String.valueOf(event.checkStatus())))
            .add(field("Node", event.node()))
            .add(field("Instance", event.instance().isEmpty() ? "-" : event.instance()))
            .add(field("Priority", priority(event)))
            .add(field("Reason", event.reason().isEmpty() ? "-" : event.reason()));
    return message(text, colour(event.checkStatus()), fields, event);
  }

  private static JsonObject message(String text, String colour, JsonArray fields, HaEvent event) {
    JsonObject section = new JsonObject().put("type", "section").put("fields", fields);
    JsonObject context =
        new JsonObject()
            .put("type", "context")
            .put(
                "elements",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("type", "mrkdwn")
                            .put(
                                "text",
                                "vipd event #" + event.sequence() + " at "
                                    + DateTimeFormatter.ISO_INSTANT.format(event.timestamp()))));
    JsonObject attachment =
        new JsonObject()
            .put("color", colour)
            .put("fallback", text)
            .put("blocks", new JsonArray().add(section).add(context));
    return new JsonObject().put("text", text).put("attachments", new JsonArray().add(attachment));
  }

  static String colour(HaState state) {
    return switch (state) {
      case MASTER -> GREEN;
      case BACKUP -> YELLOW;
      case FAULT -> RED;
      case INIT, STOP -> GREY;
    };
  }

  static String colour(CheckStatus status) {
    return switch (status) {
      case UP -> GREEN;
      case DEGRADED -> YELLOW;
      case DOWN -> RED;
    };
  }

  private static String emoji(HaState state) {
    return switch (state) {
      case MASTER -> ":large_green_circle:";
      case BACKUP -> ":large_yellow_circle:";
      case FAULT -> ":red_circle:";
      case INIT, STOP -> ":white_circle:";
    };
  }

  private static String emoji(CheckStatus status) {
    return switch (status) {
      case UP -> ":white_check_mark:";
      case DEGRADED -> ":warning:";
      case DOWN -> ":red_circle:";
    };
  }

  private static String priority(HaEvent event) {
    return event.effectivePriority() + " (base " + event.basePriority() + ")";
  }

  private static String reasonSuffix(HaEvent event) {
    return event.reason().isEmpty() ? "" : ": " + escape(event.reason());
  }

  private static JsonObject field(String title, String value) {
    return new JsonObject().put("type", "mrkdwn").put("text", "*" + title + "*\n" + escape(value));
  }

  /** Slack mrkdwn reserves these three characters (its "Escaping text" rules). */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
