package io.vipd.plugins.notify.webhook;

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
 * {@code type: webhook}: POSTs every event as JSON to a URL, optionally HMAC-signed.
 *
 * <pre>
 * notifiers:
 *   ops-webhook:
 *     type: webhook
 *     url: https://ops.example.com/hooks/vipd
 *     secret: ${env:VIPD_WEBHOOK_SECRET}
 *     headers: { Authorization: "Bearer ${file:/etc/vipd/token}" }
 *     timeout: 5s
 *     check-events: true
 * </pre>
 */
@Extension
public final class WebhookNotifierFactory implements NotifierFactory {

  @Override
  public String type() {
    return "webhook";
  }

  @Override
  public Notifier create(PluginContext context, JsonObject config) throws PluginConfigException {
    WebhookSettings settings = WebhookSettings.parse(config);
    WebClient client =
        WebClient.create(
            context.vertx(),
            new WebClientOptions()
                .setUserAgent("vipd-notify-webhook")
                .setConnectTimeout((int) settings.timeout().toMillis())
                .setFollowRedirects(false));
    return new WebhookNotifier(client, settings, Clock.systemUTC());
  }
}
