package io.vipd.plugins.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.HaState;
import io.vipd.api.Notifier;
import io.vipd.api.PluginConfigException;
import io.vipd.testkit.CapturedLogs;
import io.vipd.testkit.Events;
import io.vipd.notify.NotificationDispatcher;
import io.vipd.notify.NotifierStats;
import io.vipd.testkit.RecordingHttpServer;
import io.vipd.notify.RetryPolicy;
import io.vipd.testkit.TestDispatchers;
import io.vipd.testkit.TestPluginContext;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Slack notifier against a real HTTP server on loopback standing in for hooks.slack.com. */
class SlackNotifierIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String SECRET_PATH = "/services/T0VIPD/B0VIPD/s3cr3tT0kenXyZ";
  private static final RetryPolicy QUICK_RETRIES =
      new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(5));

  private final Vertx vertx = Vertx.vertx();
  private final Events events = new Events();
  private final TestDispatchers dispatchers = new TestDispatchers(vertx, QUICK_RETRIES);

  @AfterEach
  void stop() {
    dispatchers.close();
    vertx.close().await();
  }

  private Notifier slack(String url, String timeout) throws PluginConfigException {
    return new SlackNotifierFactory()
        .create(
            new TestPluginContext(vertx, "slack-ops"),
            new JsonObject().put("url", url).put("timeout", timeout));
  }

  private NotificationDispatcher dispatch(Notifier notifier) {
    return dispatchers.dispatch("slack-ops", notifier, 10);
  }

  private static NotifierStats stats(NotificationDispatcher dispatcher) {
    return dispatcher.stats().get(0);
  }

  @Test
  void masterElectionIsPostedAsAOneLinerWithAGreenDetailsAttachment() throws Exception {
    RecordingHttpServer server = RecordingHttpServer.start(vertx, RecordingHttpServer.always(200));

    slack(server.url(SECRET_PATH), "5s").send(events.masterElected()).await();

    JsonObject payload = new JsonObject(server.received().get(0).body());
    assertThat(server.received().get(0).path()).isEqualTo(SECRET_PATH);
    assertThat(payload.getString("text"))
        .isEqualTo(":large_green_circle: db1/db-vip MASTER (was BACKUP): master-down timer expired");
    JsonObject attachment = payload.getJsonArray("attachments").getJsonObject(0);
    assertThat(attachment.getString("color")).isEqualTo(SlackMessage.GREEN);
    JsonArray blocks = attachment.getJsonArray("blocks");
    assertThat(blocks.getJsonObject(0).getString("type")).isEqualTo("section");
    assertThat(blocks.getJsonObject(0).getJsonArray("fields"))
        .extracting(f -> ((JsonObject) f).getString("text"))
        .containsExactly(
            "*State*\nMASTER (was BACKUP)",
            "*Node*\ndb1",
            "*Instance*\ndb-vip (VRID 51)",
            "*VIPs*\n10.0.0.100/24",
            "*Priority*\n90 (base 100)",
            "*Reason*\nmaster-down timer expired");
    assertThat(blocks.getJsonObject(1).getJsonArray("elements").getJsonObject(0).getString("text"))
        .isEqualTo("vipd event #1 at 2025-03-01T12:00:00.250Z");
  }

  @Test
  void attachmentColourFollowsTheNewState() throws Exception {
    RecordingHttpServer server = RecordingHttpServer.start(vertx, RecordingHttpServer.always(200));
    Notifier notifier = slack(server.url(SECRET_PATH), "5s");

    notifier.send(events.stateChange(HaState.MASTER, HaState.BACKUP, "higher-priority advert")).await();
    notifier.send(events.stateChange(HaState.BACKUP, HaState.FAULT, "check mysql-local DOWN")).await();
    notifier.send(events.stateChange(HaState.FAULT, HaState.STOP, "shutdown")).await();

    assertThat(server.received())
        .extracting(
            r ->
                new JsonObject(r.body())
                    .getJsonArray("attachments")
                    .getJsonObject(0)
                    .getString("color"))
        .containsExactly(SlackMessage.YELLOW, SlackMessage.RED, SlackMessage.GREY);
    assertThat(new JsonObject(server.received().get(1).body()).getString("text"))
        .startsWith(":red_circle: db1/db-vip FAULT (was BACKUP)");
  }

  @Test
  void rateLimitedMessageIsRetriedNoSoonerThanRetryAfter() throws Exception {
    RecordingHttpServer server =
        RecordingHttpServer.start(
            vertx,
            (n, request) -> {
              if (n == 1) {
                request.response().setStatusCode(429).putHeader("Retry-After", "1").end();
              } else {
                request.response().setStatusCode(200).end("ok");
              }
            });
    NotificationDispatcher dispatcher = dispatch(slack(server.url(SECRET_PATH), "5s"));

    dispatcher.publish(events.masterElected());

    await().atMost(WAIT).until(() -> stats(dispatcher).delivered() == 1);
    List<RecordingHttpServer.Received> received = server.received();
    assertThat((received.get(1).receivedNanos() - received.get(0).receivedNanos()) / 1_000_000)
        .isGreaterThanOrEqualTo(1000);
  }

  @Test
  void webhookUrlNeverAppearsInLogsOrErrorMessages() throws Exception {
    RecordingHttpServer failing = RecordingHttpServer.start(vertx, RecordingHttpServer.always(503));
    RecordingHttpServer hanging = RecordingHttpServer.start(vertx, (n, request) -> {});
    RecordingHttpServer missing =
        RecordingHttpServer.start(
            vertx, (n, request) -> request.response().setStatusCode(404).end("no_service"));
    String closedPortUrl = "http://127.0.0.1:" + freePort() + SECRET_PATH;

    List<String> errors = new ArrayList<>();
    try (CapturedLogs logs = new CapturedLogs("io.vipd", "io.vertx")) {
      for (String url :
          List.of(
              failing.url(SECRET_PATH),
              hanging.url(SECRET_PATH),
              missing.url(SECRET_PATH),
              closedPortUrl)) {
        Notifier notifier = slack(url, "300ms");
        assertThatThrownBy(() -> notifier.send(events.masterElected()).await())
            .satisfies(e -> errors.add(e.toString()));
        NotificationDispatcher dispatcher = dispatch(notifier);
        dispatcher.publish(events.masterElected());
        await()
            .atMost(WAIT)
            .until(
                () ->
                    stats(dispatcher).droppedAfterRetries() + stats(dispatcher).droppedRejected()
                        == 1);
      }

      assertThat(errors).hasSize(4).allSatisfy(e -> assertThat(e).contains("slack webhook (url hidden)"));
      assertThat(errors).anySatisfy(e -> assertThat(e).contains("HTTP 404 (no_service)"));
      assertThat(errors).anySatisfy(e -> assertThat(e).containsIgnoringCase("timeout"));
      assertThat(String.join("\n", errors)).doesNotContain("s3cr3tT0ken").doesNotContain("B0VIPD");
      assertThat(logs.lines()).anySatisfy(l -> assertThat(l).contains("slack webhook (url hidden)"));
      assertThat(String.join("\n", logs.lines())).doesNotContain("s3cr3tT0ken").doesNotContain("B0VIPD");
    }
  }

  @Test
  void invalidUrlIsReportedWithoutEchoingIt() {
    assertThatThrownBy(() -> slack("not a url s3cr3tT0ken", "5s"))
        .isInstanceOf(PluginConfigException.class)
        .hasMessageContaining("url")
        .hasMessageNotContaining("s3cr3tT0ken");
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
