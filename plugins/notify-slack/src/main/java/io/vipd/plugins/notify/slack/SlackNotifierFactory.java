package io.vipd.plugins.notify.slack;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vipd.api.Notifier;
import io.vipd.api.NotifierFactory;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginContext;
import java.time.Clock;
import org.pf4j.Extension;

/**
 * {@code type: slack}: posts state changes to a Slack incoming webhook.
 *
 * <pre>
 * notifiers:
 *   slack-ops:
 *     type: slack
 *     url: ${env:SLACK_WEBHOOK_URL}
 *     timeout: 5s
 * </pre>
 */
@Extension
public final class SlackNotifierFactory implements NotifierFactory {

  @Override
  public String type() {
    return "slack";
  }

  @Override
  public Notifier create(PluginContext context, JsonObject config) throws PluginConfigException {
    SlackSettings settings = SlackSettings.parse(config);
    WebClient client =
        WebClient.create(
            context.vertx(),
            new WebClientOptions()
                .setUserAgent("vipd-notify-slack")
                .setConnectTimeout((int) settings.timeout().toMillis())
                .setFollowRedirects(false));
    return new SlackNotifier(client, settings, Clock.systemUTC());
  }
}
