package io.vipd.plugins.notify.webhook;

import io.vipd.api.DeliveryFailedException;
import io.vipd.api.HttpDeliveryOutcome;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vipd.api.HaEvent;
import io.vipd.api.Notifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * POSTs each event as {@link WebhookPayload} JSON, signed when a secret is configured. One attempt
 * per {@link #send}; the daemon's dispatcher retries. Error messages name only the URL's origin: its
 * path and query may hold a token.
 */
final class WebhookNotifier implements Notifier {
  private final WebClient client;
  private final WebhookSettings settings;
  private final WebhookSignature signature;
  private final Clock clock;

  WebhookNotifier(WebClient client, WebhookSettings settings, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.signature = settings.secret() == null ? null : new WebhookSignature(settings.secret());
    this.clock = clock;
  }

  @Override
  public Future<Void> send(HaEvent event) {
    byte[] body = WebhookPayload.of(event).encode().getBytes(StandardCharsets.UTF_8);
    HttpRequest<Buffer> request =
        client
            .postAbs(settings.url().toString())
            .timeout(settings.timeout().toMillis())
            .putHeader("Content-Type", "application/json");
    for (Map.Entry<String, String> header : settings.headers().entrySet()) {
      request.putHeader(header.getKey(), header.getValue());
    }
    if (signature != null) {
      long now = clock.instant().getEpochSecond();
      request.putHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now));
      request.putHeader(WebhookSignature.SIGNATURE_HEADER, signature.sign(now, body));
    }
    return request.sendBuffer(Buffer.buffer(body)).transform(ar -> {
      if (ar.failed()) {
        return Future.failedFuture(
            new DeliveryFailedException(
                "POST to " + settings.safeOrigin() + " failed: " + hideUrl(ar.cause())));
      }
      HttpResponse<Buffer> response = ar.result();
      return HttpDeliveryOutcome.of(
          response.statusCode(),
          response.getHeader("Retry-After"),
          "webhook " + settings.safeOrigin(),
          "",
          clock.instant());
    });
  }

  @Override
  public boolean wantsCheckEvents() {
    return settings.checkEvents();
  }

  @Override
  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }

  /** The cause's description with the URL's path and query removed (Vert.x quotes the path in timeouts). */
  private String hideUrl(Throwable cause) {
    String text = cause.getClass().getSimpleName();
    if (cause.getMessage() == null) {
      return text;
    }
    String message = cause.getMessage().replace(settings.url().toString(), settings.safeOrigin());
    String path = settings.url().getRawPath();
    String query = settings.url().getRawQuery();
    if (query != null) {
      message = message.replace(query, "…");
    }
    if (path != null && path.length() > 1) {
      message = message.replace(path, "/…");
    }
    return text + ": " + message;
  }
}
