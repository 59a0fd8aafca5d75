package io.vipd.e2e.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import io.vipd.lab.Lab;
import io.vipd.testkit.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled distribution's notifiers end to end: two vipd nodes in lab namespaces, each with a
 * signed webhook, a Slack notifier (both posting to a recorder inside the lab) and an exec notifier,
 * go through start-up, a crash of the master, its return with preemption and graceful stops. Every
 * endpoint must receive exactly one message per transition, in sequence order, with the right reason.
 */
class FailoverNotificationsIT {
  private static final Duration STEP_DEADLINE = Duration.ofSeconds(40);
  private static final Pattern SLACK_SEQUENCE = Pattern.compile("vipd event #(\\d+) at ");
  private static final String SECRET = "e2e-" + UUID.randomUUID();

  private static Lab lab;
  private static InLabHookServer hooks;

  @TempDir static Path dir;

  @BeforeAll
  static void startLabAndHookRecorder() throws IOException {
    Environment.requireRootAndTools("ip");
    lab = Lab.create();
    // the recorder stands in for the webhook receiver and Slack; one endpoint of the solo node is down at first
    hooks = InLabHookServer.start(lab.addHost("hooks", 100), dir, "/solo/webhook=503x2", "/solo/slack=429x1");
  }

  @AfterAll
  static void closeLab() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void failoverPreemptionAndShutdownSendOneOrderedMessagePerTransitionToEveryEndpoint() throws Exception {
    NotifiedNode n1 = NotifiedNode.configure(lab.addHost("n1", 11), 150, 51, "10.99.0.51", SECRET, hooks,
        dir.resolve("n1"));
    NotifiedNode n2 = NotifiedNode.configure(lab.addHost("n2", 12), 100, 51, "10.99.0.51", SECRET, hooks,
        dir.resolve("n2"));
    List<Transition> n1Saw = new ArrayList<>();
    List<Transition> n2Saw = new ArrayList<>();
    try {
      // n1 alone first, so that it is the first master whatever the start-up times
      n1.start();
      n1Saw.add(new Transition(1, "INIT", "BACKUP", "startup"));
      n1Saw.add(new Transition(2, "BACKUP", "MASTER", "master-down timer expired"));
      awaitNotified(n1, n1Saw);
      n2.start();
      n2Saw.add(new Transition(1, "INIT", "BACKUP", "startup"));
      awaitNotified(n2, n2Saw);

      n1.kill();
      n2Saw.add(new Transition(2, "BACKUP", "MASTER", "master-down timer expired"));
      awaitNotified(n2, n2Saw);

      // a new daemon run numbers its events from 1 again
      n1.start();
      n1Saw.add(new Transition(1, "INIT", "BACKUP", "startup"));
      n1Saw.add(new Transition(2, "BACKUP", "MASTER", "preempting lower-priority master " + n2.ipv4()));
      n2Saw.add(new Transition(3, "MASTER", "BACKUP", "higher-priority advert from " + n1.ipv4()));
      awaitNotified(n1, n1Saw);
      awaitNotified(n2, n2Saw);

      assertThat(n1.stop()).as("n1 exit code after SIGTERM").isZero();
      n1Saw.add(new Transition(3, "MASTER", "STOP", "shutdown"));
      n2Saw.add(new Transition(4, "BACKUP", "MASTER", "priority-0 advert from " + n1.ipv4()));
      awaitNotified(n2, n2Saw);
      assertThat(n2.stop()).as("n2 exit code after SIGTERM").isZero();
      n2Saw.add(new Transition(5, "MASTER", "STOP", "shutdown"));
    } finally {
      n1.killIfRunning();
      n2.killIfRunning();
    }
    // both daemons have exited: what the endpoints hold now is final, so "at least" is now "exactly"
    assertNotified(n1, n1Saw);
    assertNotified(n2, n2Saw);
  }

  @Test
  void deliveriesThatFailAreRetriedUntilTheReceiverIsBackAndArriveOnce() throws Exception {
    NotifiedNode solo = NotifiedNode.configure(lab.addHost("solo", 13), 100, 52, "10.99.0.52", SECRET, hooks,
        dir.resolve("solo"));
    List<Transition> saw = List.of(
        new Transition(1, "INIT", "BACKUP", "startup"),
        new Transition(2, "BACKUP", "MASTER", "master-down timer expired"));
    try {
      solo.start();
      awaitNotified(solo, saw);
      assertThat(solo.stop()).isZero();
    } finally {
      solo.killIfRunning();
    }
    List<Transition> all = new ArrayList<>(saw);
    all.add(new Transition(3, "MASTER", "STOP", "shutdown"));
    assertNotified(solo, all);
    // the first event was refused twice (503) by the webhook receiver and once (429) by "Slack"
    assertThat(hooks.requests(solo.webhookPath())).extracting(r -> r.json().getLong("sequence") + ":" + r.status())
        .startsWith("1:503", "1:503", "1:200");
    assertThat(hooks.requests(solo.slackPath())).extracting(RecordedRequest::status).startsWith(429, 200);
  }

  /** Waits until every endpoint of {@code node} got {@code expected.size()} messages, then checks them. */
  private static void awaitNotified(NotifiedNode node, List<Transition> expected) throws IOException {
    try {
      await(node.name() + " notified of " + expected.get(expected.size() - 1)).atMost(STEP_DEADLINE)
          .until(() -> hooks.delivered(node.webhookPath()).size() >= expected.size()
              && hooks.delivered(node.slackPath()).size() >= expected.size()
              && node.execLines().size() >= expected.size());
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\nwebhook: " + webhookMessages(node) + "\nslack: "
          + slackMessages(node) + "\nexec: " + node.execLines() + "\nlog of " + node.name() + ":\n" + node.log(), e);
    }
    assertNotified(node, expected);
  }

  /**
   * Each endpoint holds exactly {@code expected}, in order: the sequence numbers in it rise by one
   * within a daemon run and restart at 1 with a new run.
   */
  private static void assertNotified(NotifiedNode node, List<Transition> expected) throws IOException {
    String log = "\nlog of " + node.name() + ":\n" + node.log();
    assertThat(webhookMessages(node)).as("webhook messages of %s%s", node.name(), log).containsExactlyElementsOf(expected);
    assertThat(slackMessages(node)).as("Slack messages of %s", node.name())
        .containsExactlyElementsOf(expected.stream().map(t -> t.slackText(node)).toList());
    assertThat(node.execLines()).as("exec notifier runs of %s", node.name())
        .containsExactlyElementsOf(expected.stream().map(t -> t.execLine(node)).toList());
  }

  /** The webhook deliveries as transitions, after checking signature, node, instance and priority. */
  private static List<Transition> webhookMessages(NotifiedNode node) {
    List<Transition> transitions = new ArrayList<>();
    for (RecordedRequest request : hooks.delivered(node.webhookPath())) {
      assertSigned(request);
      JsonObject event = request.json();
      assertThat(event.getInteger("schema_version")).isEqualTo(1);
      assertThat(event.getString("kind")).isEqualTo("state_change");
      assertThat(event.getString("node")).isEqualTo(node.name());
      assertThat(event.getString("instance")).isEqualTo(NotifiedNode.INSTANCE);
      assertThat(event.getInteger("effective_priority")).isEqualTo(node.priority());
      transitions.add(new Transition(event.getLong("sequence"), event.getString("from"), event.getString("to"),
          event.getString("reason")));
    }
    return transitions;
  }

  /** Slack texts without the leading emoji, each prefixed with the event number from the message's context. */
  private static List<String> slackMessages(NotifiedNode node) {
    return hooks.delivered(node.slackPath()).stream().map(request -> {
      JsonObject message = request.json();
      String text = message.getString("text");
      Matcher sequence = SLACK_SEQUENCE.matcher(message.encode());
      assertThat(sequence.find()).as("event number in %s", message.encode()).isTrue();
      return "#" + sequence.group(1) + " " + text.substring(text.indexOf(' ') + 1);
    }).toList();
  }

  /** HMAC-SHA256 over {@code <timestamp>.<raw body>} with the shared secret, as the README tells receivers. */
  private static void assertSigned(RecordedRequest request) {
    String timestamp = request.header("X-Vipd-Timestamp");
    assertThat(timestamp).as("X-Vipd-Timestamp").isNotNull();
    assertThat(Long.parseLong(timestamp)).as("signed at (Unix seconds)")
        .isBetween(request.receivedAt() / 1000 - 60, request.receivedAt() / 1000 + 60);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      byte[] expected = ("sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body())))
          .getBytes(StandardCharsets.UTF_8);
      String signature = request.header("X-Vipd-Signature");
      assertThat(signature).as("X-Vipd-Signature").isNotNull();
      assertThat(MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8)))
          .as("signature %s verifies", signature).isTrue();
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** One state change as a notifier should report it. */
  record Transition(long sequence, String from, String to, String reason) {
    String slackText(NotifiedNode node) {
      return "#" + sequence + " " + node.name() + "/" + NotifiedNode.INSTANCE + " " + to + " (was " + from + "): "
          + reason;
    }

    String execLine(NotifiedNode node) {
      return sequence + " INSTANCE " + NotifiedNode.INSTANCE + " " + to + " " + node.priority();
    }
  }
}
