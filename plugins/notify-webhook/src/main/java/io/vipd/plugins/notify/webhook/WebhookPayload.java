package io.vipd.plugins.notify.webhook;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.HaEvent;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The JSON body of a webhook request, schema version 1: snake_case keys, every key always present
 * (null where it does not apply), ISO-8601 UTC timestamp. The README's "Notifications" section
 * documents it; fields are only ever added, and a removal or change of meaning bumps
 * {@code schema_version}.
 */
final class WebhookPayload {
  static final int SCHEMA_VERSION = 1;

  private WebhookPayload() {}

  static JsonObject of(HaEvent event) {
    return new JsonObject()
        .put("schema_version", SCHEMA_VERSION)
        .put("sequence", event.sequence())
        .put("timestamp", DateTimeFormatter.ISO_INSTANT.format(event.timestamp()))
        .put("node", event.node())
        .put("kind", event.kind().name().toLowerCase(Locale.ROOT))
        .put("instance", event.instance())
        .put("vrid", event.vrid())
        .put("from", event.from() == null ? null : event.from().name())
        .put("to", event.to() == null ? null : event.to().name())
        .put("reason", event.reason())
        .put("base_priority", event.basePriority())
        .put("effective_priority", event.effectivePriority())
        .put("vips", new JsonArray(event.vips()))
        .put("check", event.check())
        .put("check_status", event.checkStatus() == null ? null : event.checkStatus().name());
  }
}
