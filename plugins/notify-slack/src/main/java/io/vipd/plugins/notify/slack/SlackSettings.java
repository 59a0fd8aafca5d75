package io.vipd.plugins.notify.slack;

import io.vertx.core.json.JsonObject;
import io.vipd.api.PluginConfigException;
import io.vipd.api.SettingsReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The Slack notifier's YAML settings. The webhook URL is a secret (whoever has it can post to the
 * channel): it is never logged and never put in an exception message, including this class's
 * validation messages and {@link #toString()}.
 *
 * @param url the incoming-webhook URL ({@code https://hooks.slack.com/services/...})
 * @param timeout how long one request may take
 * @param checkEvents whether check status changes are posted too
 */
record SlackSettings(URI url, Duration timeout, boolean checkEvents) {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final Set<String> KEYS = Set.of("url", "timeout", "check-events");

  static SlackSettings parse(JsonObject config) throws PluginConfigException {
    SettingsReader settings = new SettingsReader(config, KEYS);
    URI url = parseUrl(settings.raw("url"), settings);
    Duration timeout = Objects.requireNonNullElse(settings.optionalDuration("timeout"), DEFAULT_TIMEOUT);
    boolean checkEvents = settings.optionalBoolean("check-events", false);
    settings.done();
    return new SlackSettings(url, timeout, checkEvents);
  }

  @Override
  public String toString() {
    return "SlackSettings[url=(hidden), timeout=" + timeout + ", checkEvents=" + checkEvents + "]";
  }

  private static URI parseUrl(Object value, SettingsReader settings) {
    if (!(value instanceof String text) || text.isBlank()) {
      settings.problem("url", "is required (the incoming-webhook URL)");
      return null;
    }
    try {
      URI url = new URI(text.trim());
      if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // reported below, without the value or the parser's message, which quotes it
    }
    settings.problem("url", "must be an https:// URL (value not shown: it is a secret)");
    return null;
  }
}
