package io.vipd.plugins.notify.webhook;

import io.vipd.api.DeliveryFailedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vipd.api.HaEvent;
import io.vipd.api.Notifier;
import io.vipd.api.PluginConfigException;
import io.vipd.testkit.Events;
import io.vipd.notify.NotificationDispatcher;
import io.vipd.notify.NotifierStats;
import io.vipd.testkit.RecordingHttpServer;
import io.vipd.notify.RetryPolicy;
import io.vipd.testkit.TestDispatchers;
import io.vipd.testkit.TestPluginContext;
import io.vipd.vertx.Contexts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook notifier against a real HTTP server on loopback, driven by the real dispatcher. */
class WebhookNotifierIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final RetryPolicy QUICK_RETRIES =
      new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(5));

  private final Vertx vertx = Vertx.vertx();
  private final Events events = new Events();
  private final TestDispatchers dispatchers = new TestDispatchers(vertx, QUICK_RETRIES);

  @AfterEach
  void stop() {
    dispatchers.close();
    vertx.close().await();
  }

  private Notifier webhook(JsonObject config) throws PluginConfigException {
    return new WebhookNotifierFactory().create(new TestPluginContext(vertx, "ops-webhook"), config);
  }

  private NotificationDispatcher dispatch(Notifier notifier, int capacity) {
    return dispatchers.dispatch("ops-webhook", notifier, capacity);
  }

  private static NotifierStats stats(NotificationDispatcher dispatcher) {
    return dispatcher.stats().get(0);
  }

  @Test
  void stateChangeIsPostedAsTheDocumentedJson() throws Exception {
    RecordingHttpServer server = RecordingHttpServer.start(vertx, RecordingHttpServer.always(204));
    Notifier notifier = webhook(new JsonObject().put("url", server.url("/hooks/vipd")));

    notifier.send(events.masterElected()).await();

    RecordingHttpServer.Received request = server.received().get(0);
    assertThat(request.path()).isEqualTo("/hooks/vipd");
    assertThat(request.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(request.body())
        .isEqualTo(
            "{\"schema_version\":1,\"sequence\":1,\"timestamp\":\"2025-03-01T12:00:00.250Z\","
                + "\"node\":\"db1\",\"kind\":\"state_change\",\"instance\":\"db-vip\",\"vrid\":51,"
                + "\"from\":\"BACKUP\",\"to\":\"MASTER\",\"reason\":\"master-down timer expired\","
                + "\"base_priority\":100,\"effective_priority\":90,\"vips\":[\"10.0.0.100/24\"],"
                + "\"check\":null,\"check_status\":null}");
    assertThat(request.headers().contains(WebhookSignature.SIGNATURE_HEADER)).isFalse();
  }

  @Test
  void checkChangeCarriesTheCheckAndItsStatus() throws Exception {
    RecordingHttpServer server = RecordingHttpServer.start(vertx, RecordingHttpServer.always(200));
    Notifier notifier =
        webhook(new JsonObject().put("url", server.url("/h")).put("check-events", true));

    notifier.send(events.checkDown()).await();

    JsonObject body = new JsonObject(server.received().get(0).body());
    assertThat(notifier.wantsCheckEvents()).isTrue();
    assertThat(body.getString("kind")).isEqualTo("check_change");
    assertThat(body.getString("check")).isEqualTo("mysql-local");
    assertThat(body.getString("check_status")).isEqualTo("DOWN");
    assertThat(body.getValue("from")).isNull();
    assertThat(body.getValue("to")).isNull();
  }

  @Test
  void signedRequestVerifiesWithTheSharedSecretAndCarriesCustomHeaders() throws Exception {
    RecordingHttpServer server = RecordingHttpServer.start(vertx, RecordingHttpServer.always(200));
    Notifier notifier =
        webhook(
            new JsonObject()
                .put("url", server.url("/signed"))
                .put("secret", "s3cret-key")
                .put("headers", new JsonObject().put("Authorization", "Bearer t0ken")));

    notifier.send(events.masterElected()).await();

    RecordingHttpServer.Received request = server.received().get(0);
    String timestamp = request.headers().get("X-Vipd-Timestamp");
    assertThat(Long.parseLong(timestamp))
        .isBetween(Instant.now().getEpochSecond() - 30, Instant.now().getEpochSecond() + 1);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("s3cret-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected =
        mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8));
    assertThat(request.headers().get("X-Vipd-Signature"))
        .isEqualTo("sha256=" + HexFormat.of().formatHex(expected));
    assertThat(request.headers().get("Authorization")).isEqualTo("Bearer t0ken");
  }

  @Test
  void serverErrorsAreRetriedWithBackoffUntilDelivered() throws Exception {
    RecordingHttpServer server =
        RecordingHttpServer.start(
            vertx, (n, request) -> request.response().setStatusCode(n <= 2 ? 500 : 200).end());
    NotificationDispatcher dispatcher =
        dispatch(webhook(new JsonObject().put("url", server.url("/h"))), 10);

    dispatcher.publish(events.masterElected());

    await().atMost(WAIT).until(() -> stats(dispatcher).delivered() == 1);
    assertThat(stats(dispatcher).failedAttempts()).isEqualTo(2);
    assertThat(server.received()).hasSize(3);
    assertThat(server.received()).extracting(RecordingHttpServer.Received::body).containsOnly(
        server.received().get(0).body());
  }

  @Test
  void rateLimitedRequestIsRetriedNoSoonerThanRetryAfter() throws Exception {
    RecordingHttpServer server =
        RecordingHttpServer.start(
            vertx,
            (n, request) -> {
              if (n == 1) {
                request.response().setStatusCode(429).putHeader("Retry-After", "1").end();
              } else {
                request.response().setStatusCode(200).end();
              }
            });
    NotificationDispatcher dispatcher =
        dispatch(webhook(new JsonObject().put("url", server.url("/h"))), 10);

    dispatcher.publish(events.masterElected());

    await().atMost(WAIT).until(() -> stats(dispatcher).delivered() == 1);
    List<RecordingHttpServer.Received> received = server.received();
    long gapMillis = (received.get(1).receivedNanos() - received.get(0).receivedNanos()) / 1_000_000;
    assertThat(gapMillis).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void badRequestIsRejectedWithoutRetry() throws Exception {
    RecordingHttpServer server = RecordingHttpServer.start(vertx, RecordingHttpServer.always(400));
    NotificationDispatcher dispatcher =
        dispatch(webhook(new JsonObject().put("url", server.url("/h"))), 10);

    dispatcher.publish(events.masterElected());
    dispatcher.publish(events.masterElected());

    await().atMost(WAIT).until(() -> stats(dispatcher).droppedRejected() == 2);
    assertThat(server.received()).hasSize(2);
    assertThat(stats(dispatcher).failedAttempts()).isEqualTo(2);
  }

  @Test
  void burstOfFiftyEventsArrivesInSequenceOrder() throws Exception {
    RecordingHttpServer server = RecordingHttpServer.start(vertx, RecordingHttpServer.always(200));
    NotificationDispatcher dispatcher =
        dispatch(webhook(new JsonObject().put("url", server.url("/h"))), 100);

    for (int i = 0; i < 50; i++) {
      dispatcher.publish(events.masterElected());
    }

    await().atMost(WAIT).until(() -> stats(dispatcher).delivered() == 50);
    assertThat(server.received())
        .extracting(r -> new JsonObject(r.body()).getLong("sequence"))
        .containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
  }

  @Test
  void fullQueueDropsTheOldestEventsAndCountsThem() throws Exception {
    List<HttpServerRequest> held = new CopyOnWriteArrayList<>();
    RecordingHttpServer server =
        RecordingHttpServer.start(
            vertx,
            (n, request) -> {
              if (n == 1) {
                held.add(request); // the endpoint is stuck until the test lets it answer
              } else {
                request.response().setStatusCode(200).end();
              }
            });
    NotificationDispatcher dispatcher =
        dispatch(
            webhook(new JsonObject().put("url", server.url("/h")).put("timeout", "10s")), 5);

    for (int i = 0; i < 20; i++) {
      dispatcher.publish(events.masterElected());
    }
    await().atMost(WAIT).until(() -> held.size() == 1 && stats(dispatcher).droppedOverflow() == 14);
    assertThat(stats(dispatcher).queueDepth()).isEqualTo(5);

    held.get(0).response().setStatusCode(200).end();

    await().atMost(WAIT).until(() -> stats(dispatcher).delivered() == 6);
    assertThat(server.received())
        .extracting(r -> new JsonObject(r.body()).getLong("sequence"))
        .containsExactly(1L, 16L, 17L, 18L, 19L, 20L);
  }

  @Test
  void hangingEndpointTimesOutWithoutDelayingTimersOnOtherContexts() throws Exception {
    RecordingHttpServer server = RecordingHttpServer.start(vertx, (n, request) -> {});
    Notifier notifier =
        webhook(new JsonObject().put("url", server.url("/hang")).put("timeout", "300ms"));
    NotificationDispatcher dispatcher = dispatch(notifier, 100);

    // Stands in for a VRRP instance: a 100 ms timer on an event-loop context of its own.
    Context instanceContext = Contexts.eventLoop(vertx);
    AtomicLong lastTick = new AtomicLong();
    AtomicLong maxGapNanos = new AtomicLong();
    AtomicLong ticks = new AtomicLong();
    instanceContext.runOnContext(
        v -> {
          lastTick.set(System.nanoTime());
          vertx.setPeriodic(
              100,
              id -> {
                long now = System.nanoTime();
                maxGapNanos.accumulateAndGet(now - lastTick.getAndSet(now), Math::max);
                ticks.incrementAndGet();
              });
        });
    for (int i = 0; i < 20; i++) {
      dispatcher.publish(events.masterElected());
    }

    await().atMost(WAIT).until(() -> ticks.get() >= 20 && server.received().size() >= 3);
    assertThat(stats(dispatcher).delivered()).isZero();
    assertThat(stats(dispatcher).failing()).isTrue();
    assertThat(maxGapNanos.get() / 1_000_000).isLessThan(100 + 150);

    long started = System.nanoTime();
    assertThatThrownBy(() -> notifier.send(events.masterElected()).await())
        .isInstanceOf(DeliveryFailedException.class)
        .hasMessageContaining("127.0.0.1:" + server.port())
        .hasMessageNotContaining("/hang");
    assertThat((System.nanoTime() - started) / 1_000_000).isBetween(250L, 5_000L);
  }

  @Test
  void invalidSettingsAreAllReportedAtOnce() {
    assertThatThrownBy(
            () ->
                webhook(
                    new JsonObject(
                        Map.of("url", "ftp://x", "timeout", "soon", "header", "typo"))))
        .isInstanceOf(PluginConfigException.class)
        .satisfies(
            e ->
                assertThat(((PluginConfigException) e).problems())
                    .extracting(PluginConfigException.Problem::path)
                    .containsExactlyInAnyOrder("url", "timeout", "header"));
  }
}
