package io.vipd.plugins.notify.webhook;

import io.vertx.core.json.JsonObject;
import io.vipd.api.PluginConfigException;
import io.vipd.api.SettingsReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
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

  /** Validates {@code config}, reporting every problem at once. */
  static WebhookSettings parse(JsonObject config) throws PluginConfigException {
    SettingsReader settings = new SettingsReader(config, KEYS);
    URI url = parseUrl(settings.raw("url"), settings);
    String secret = settings.optionalString("secret");
    Map<String, String> headers = settings.optionalStringMap("headers");
    Duration timeout = Objects.requireNonNullElse(settings.optionalDuration("timeout"), DEFAULT_TIMEOUT);
    boolean checkEvents = settings.optionalBoolean("check-events", false);
    settings.done();
    return new WebhookSettings(url, secret, headers, timeout, checkEvents);
  }

  /** scheme://host:port only: the path and query may carry a token and never go into logs. */
  String safeOrigin() {
    int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    return url.getScheme() + "://" + url.getHost() + ":" + port;
  }

  private static URI parseUrl(Object value, SettingsReader settings) {
    if (!(value instanceof String text) || text.isBlank()) {
      settings.problem("url", "is required (http:// or https:// URL)");
      return null;
    }
    try {
      URI url = new URI(text.trim());
      if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
        settings.problem("url", "must be an http:// or https:// URL with a host");
        return null;
      }
      return url;
    } catch (URISyntaxException e) {
      settings.problem("url", "is not a valid URL");
      return null;
    }
  }

}
