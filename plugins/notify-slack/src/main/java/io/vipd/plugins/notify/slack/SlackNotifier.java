package io.vipd.plugins.notify.slack;

import io.vipd.api.DeliveryFailedException;
import io.vipd.api.HttpDeliveryOutcome;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vipd.api.HaEvent;
import io.vipd.api.Notifier;
import java.time.Clock;

/**
 * Posts each event to a Slack incoming webhook as a {@link SlackMessage}. One attempt per
 * {@link #send}; the dispatcher retries. Everything this class says about a delivery calls the
 * endpoint {@value #SAFE_NAME}: the URL is a secret.
 */
final class SlackNotifier implements Notifier {
  static final String SAFE_NAME = "slack webhook (url hidden)";

  private final WebClient client;
  private final SlackSettings settings;
  private final Clock clock;

  SlackNotifier(WebClient client, SlackSettings settings, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Future<Void> send(HaEvent event) {
    return client
        .postAbs(settings.url().toString())
        .timeout(settings.timeout().toMillis())
        .sendJsonObject(SlackMessage.of(event))
        .transform(
            ar -> {
              if (ar.failed()) {
                return Future.failedFuture(
                    new DeliveryFailedException(SAFE_NAME + " failed: " + describe(ar.cause())));
              }
              HttpResponse<Buffer> response = ar.result();
              return HttpDeliveryOutcome.of(
                  response.statusCode(),
                  response.getHeader("Retry-After"),
                  SAFE_NAME,
                  slackError(response),
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

  /** Slack answers errors with a short code ({@code invalid_payload}, {@code no_service}): worth showing. */
  private static String slackError(HttpResponse<Buffer> response) {
    String body = response.bodyAsString();
    if (response.statusCode() < 300 || body == null || body.isBlank() || body.length() > 80) {
      return "";
    }
    return " (" + body.trim() + ")";
  }

  /**
   * The cause without the URL: Vert.x quotes the request path in timeout messages, and the path of a
   * Slack webhook is the secret part.
   */
  private String describe(Throwable cause) {
    String message = cause.getMessage();
    if (message == null) {
      return cause.getClass().getSimpleName();
    }
    String url = settings.url().toString();
    String path = settings.url().getRawPath();
    message = message.replace(url, "(url hidden)");
    if (path != null && path.length() > 1) {
      message = message.replace(path, "(url hidden)");
    }
    return cause.getClass().getSimpleName() + ": " + message;
  }
}
