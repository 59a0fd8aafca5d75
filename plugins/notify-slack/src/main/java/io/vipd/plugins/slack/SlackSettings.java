package io.vipd.plugins.slack;

import io.vertx.core.json.JsonObject;
import io.vipd.api.PluginConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
  /** Keys of the notifier's YAML entry that the daemon reads itself (dispatch settings); ignored here. */
  private static final Set<String> DAEMON_KEYS =
      Set.of("name", "type", "events", "queue-capacity", "send-timeout", "retries");

  static SlackSettings parse(JsonObject config) throws PluginConfigException {
    List<PluginConfigException.Problem> problems = new ArrayList<>();
    for (String key : config.fieldNames()) {
      if (!KEYS.contains(key) && !DAEMON_KEYS.contains(key)) {
        problems.add(new PluginConfigException.Problem(key, "unknown setting; known: " + KEYS));
      }
    }
    URI url = parseUrl(config.getValue("url"), problems);
    Duration timeout =
        ConfigValues.duration(config.getValue("timeout"), "timeout", DEFAULT_TIMEOUT, problems);
    Object checkEvents = config.getValue("check-events", false);
    if (!(checkEvents instanceof Boolean)) {
      problems.add(new PluginConfigException.Problem("check-events", "must be true or false"));
    }
    if (!problems.isEmpty()) {
      throw new PluginConfigException(problems);
    }
    return new SlackSettings(url, timeout, Boolean.TRUE.equals(checkEvents));
  }

  @Override
  public String toString() {
    return "SlackSettings[url=(hidden), timeout=" + timeout + ", checkEvents=" + checkEvents + "]";
  }

  private static URI parseUrl(Object value, List<PluginConfigException.Problem> problems) {
    if (!(value instanceof String text) || text.isBlank()) {
      problems.add(new PluginConfigException.Problem("url", "is required (the incoming-webhook URL)"));
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
    problems.add(
        new PluginConfigException.Problem("url", "must be an https:// URL (value not shown: it is a secret)"));
    return null;
  }
}
