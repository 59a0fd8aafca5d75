package io.vipd.e2e.notify;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * One request as {@link HookRecorder} saw it.
 *
 * @param path the request path
 * @param headers request headers, names in lower case, first value only
 * @param body the raw body bytes
 * @param receivedAt the recorder's wall clock at arrival, epoch milliseconds
 * @param status the status the recorder answered
 */
record RecordedRequest(String path, Map<String, String> headers, byte[] body, long receivedAt, int status) {

  static RecordedRequest parse(String line) {
    JsonObject json = new JsonObject(line);
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    json.getJsonObject("headers").forEach(e -> headers.put(e.getKey(), String.valueOf(e.getValue())));
    return new RecordedRequest(json.getString("path"), Map.copyOf(headers),
        Base64.getDecoder().decode(json.getString("body")), json.getLong("receivedAt"), json.getInteger("status"));
  }

  /** Whether the recorder accepted it (a delivered notification, not a failed attempt). */
  boolean accepted() {
    return status / 100 == 2;
  }

  JsonObject json() {
    return new JsonObject(new String(body, StandardCharsets.UTF_8));
  }

  String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
