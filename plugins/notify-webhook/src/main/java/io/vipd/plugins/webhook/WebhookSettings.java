package io.vipd.plugins.webhook;

import io.vertx.core.json.JsonObject;
import io.vipd.api.PluginConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The webhook notifier's YAML settings.
 *
 * @param url where events are POSTed (http or https)
 * @param secret the HMAC-SHA256 key; null means requests are not signed
 * @param headers extra request headers ({@code Authorization: Bearer ...})
 * @param timeout how long one request may take
 * @param checkEvents whether check status changes are sent too
 */
record WebhookSettings(
    URI url, String secret, Map<String, String> headers, Duration timeout, boolean checkEvents) {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final Set<String> KEYS = Set.of("url", "secret", "headers", "timeout", "check-events");
  /** Keys of the notifier's YAML entry that the daemon reads itself (dispatch settings); ignored here. */
  private static final Set<String> DAEMON_KEYS =
      Set.of("name", "type", "events", "queue-capacity", "send-timeout", "retries");

  /** Validates {@code config}, reporting every problem at once. */
  static WebhookSettings parse(JsonObject config) throws PluginConfigException {
    List<PluginConfigException.Problem> problems = new ArrayList<>();
    for (String key : config.fieldNames()) {
      if (!KEYS.contains(key) && !DAEMON_KEYS.contains(key)) {
        problems.add(new PluginConfigException.Problem(key, "unknown setting; known: " + KEYS));
      }
    }
    URI url = parseUrl(config.getValue("url"), problems);
    Object secret = config.getValue("secret");
    if (secret != null && (!(secret instanceof String text) || text.isEmpty())) {
      problems.add(new PluginConfigException.Problem("secret", "must be a non-empty string"));
    }
    Map<String, String> headers = parseHeaders(config.getValue("headers"), problems);
    Duration timeout =
        ConfigValues.duration(config.getValue("timeout"), "timeout", DEFAULT_TIMEOUT, problems);
    Object checkEvents = config.getValue("check-events", false);
    if (!(checkEvents instanceof Boolean)) {
      problems.add(new PluginConfigException.Problem("check-events", "must be true or false"));
    }
    if (!problems.isEmpty()) {
      throw new PluginConfigException(problems);
    }
    return new WebhookSettings(
        url, (String) secret, headers, timeout, Boolean.TRUE.equals(checkEvents));
  }

  /** scheme://host:port only: the path and query may carry a token and never go into logs. */
  String safeOrigin() {
    int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    return url.getScheme() + "://" + url.getHost() + ":" + port;
  }

  private static URI parseUrl(Object value, List<PluginConfigException.Problem> problems) {
    if (!(value instanceof String text) || text.isBlank()) {
      problems.add(new PluginConfigException.Problem("url", "is required (http:// or https:// URL)"));
      return null;
    }
    try {
      URI url = new URI(text.trim());
      if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
        problems.add(new PluginConfigException.Problem("url", "must be an http:// or https:// URL with a host"));
        return null;
      }
      return url;
    } catch (URISyntaxException e) {
      problems.add(new PluginConfigException.Problem("url", "is not a valid URL"));
      return null;
    }
  }

  private static Map<String, String> parseHeaders(
      Object value, List<PluginConfigException.Problem> problems) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (value == null) {
      return headers;
    }
    if (!(value instanceof JsonObject object)) {
      problems.add(new PluginConfigException.Problem("headers", "must be a mapping of name: value"));
      return headers;
    }
    for (String name : object.fieldNames()) {
      Object header = object.getValue(name);
      if (header instanceof String || header instanceof Number || header instanceof Boolean) {
        headers.put(name, String.valueOf(header));
      } else {
        problems.add(new PluginConfigException.Problem("headers." + name, "must be a single value"));
      }
    }
    return headers;
  }
}
