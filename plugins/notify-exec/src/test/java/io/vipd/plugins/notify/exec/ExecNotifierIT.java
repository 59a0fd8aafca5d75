package io.vipd.plugins.notify.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.HaState;
import io.vipd.api.Notifier;
import io.vipd.api.PermanentDeliveryException;
import io.vipd.api.PluginConfigException;
import io.vipd.testkit.Events;
import io.vipd.notify.NotificationDispatcher;
import io.vipd.notify.NotifierSpec;
import io.vipd.notify.NotifierStats;
import io.vipd.notify.RetryPolicy;
import io.vipd.testkit.TestPluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exec notifier running real shell scripts that write what they saw into a temp directory. */
class ExecNotifierIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final Events events = new Events();
  private final List<NotificationDispatcher> dispatchers = new ArrayList<>();
  private final List<Long> pidsToReap = new ArrayList<>();

  @AfterEach
  void stop() {
    dispatchers.forEach(d -> d.close(Duration.ZERO).await());
    vertx.close().await();
    // only processes this test's scripts reported starting
    pidsToReap.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  private Path script(String name, String body) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  private Notifier exec(JsonObject config) throws PluginConfigException {
    return new ExecNotifierFactory().create(new TestPluginContext(vertx, "scripts"), config);
  }

  private NotificationDispatcher dispatch(Notifier notifier) {
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(
            vertx,
            List.of(
                new NotifierSpec(
                    "scripts",
                    notifier,
                    null,
                    100,
                    Duration.ofSeconds(10),
                    new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ZERO))));
    dispatchers.add(dispatcher);
    return dispatcher;
  }

  private static NotifierStats stats(NotificationDispatcher dispatcher) {
    return dispatcher.stats().get(0);
  }

  @Test
  void masterElectionRunsTheCommandWithKeepalivedArgumentsAndTheEventInItsEnvironment()
      throws Exception {
    Path out = dir.resolve("out");
    Path notify =
        script(
            "notify.sh",
            "{ echo \"args=$*\"; env | grep '^VIPD_' | sort; } > " + out);

    exec(new JsonObject().put("command", notify.toString())).send(events.masterElected()).await();

    assertThat(Files.readAllLines(out))
        .containsExactly(
            "args=INSTANCE db-vip MASTER 90",
            "VIPD_BASE_PRIORITY=100",
            "VIPD_CHECK=",
            "VIPD_CHECK_STATUS=",
            "VIPD_FROM=BACKUP",
            "VIPD_INSTANCE=db-vip",
            "VIPD_KIND=state_change",
            "VIPD_NODE=db1",
            "VIPD_PRIORITY=90",
            "VIPD_REASON=master-down timer expired",
            "VIPD_SEQUENCE=1",
            "VIPD_TIMESTAMP=2025-03-01T12:00:00.250Z",
            "VIPD_TO=MASTER",
            "VIPD_VIPS=10.0.0.100/24",
            "VIPD_VRID=51");
  }

  @Test
  void perStateCommandRunsAsWrittenBeforeTheGenericCommand() throws Exception {
    Path out = dir.resolve("out");
    Path onMaster = script("on-master.sh", "echo \"on-master $* $VIPD_TO\" >> " + out);
    Path onFault = script("on-fault.sh", "echo \"on-fault $*\" >> " + out);
    Path notify = script("notify.sh", "echo \"notify $*\" >> " + out);
    Notifier notifier =
        exec(
            new JsonObject()
                .put("command", new JsonArray().add(notify.toString()))
                .put("on-master", new JsonArray().add(onMaster.toString()).add("--promote"))
                .put("on-fault", onFault.toString()));

    notifier.send(events.masterElected()).await();
    notifier.send(events.stateChange(HaState.MASTER, HaState.BACKUP, "preempted")).await();

    assertThat(Files.readAllLines(out))
        .containsExactly(
            "on-master --promote MASTER",
            "notify INSTANCE db-vip MASTER 90",
            "notify INSTANCE db-vip BACKUP 90");
  }

  @Test
  void eventsRunOneAtATimeInSequenceOrder() throws Exception {
    Path out = dir.resolve("out");
    Path notify =
        script(
            "notify.sh",
            "echo \"start $VIPD_SEQUENCE\" >> " + out + "\nsleep 0.01\necho \"end $VIPD_SEQUENCE\" >> " + out);
    NotificationDispatcher dispatcher = dispatch(exec(new JsonObject().put("command", notify.toString())));

    for (int i = 0; i < 15; i++) {
      dispatcher.publish(events.masterElected());
    }

    await().atMost(WAIT).until(() -> stats(dispatcher).delivered() == 15);
    assertThat(Files.readAllLines(out))
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, 15)
                .boxed()
                .flatMap(i -> List.of("start " + i, "end " + i).stream())
                .toList());
  }

  @Test
  void commandThatOutlivesItsTimeoutIsKilledWithItsChildren() throws Exception {
    Path pids = dir.resolve("pids");
    Path slow =
        script(
            "slow.sh",
            "sleep 60 &\necho \"$$ $!\" > " + pids + ".tmp && mv " + pids + ".tmp " + pids + "\nwait");
    Notifier notifier =
        exec(new JsonObject().put("command", slow.toString()).put("timeout", "500ms"));

    long started = System.nanoTime();
    assertThatThrownBy(() -> notifier.send(events.masterElected()).await())
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("ran longer than 500 ms");
    assertThat((System.nanoTime() - started) / 1_000_000).isBetween(450L, 10_000L);

    String[] parentAndChild = Files.readString(pids).trim().split(" ");
    long parent = Long.parseLong(parentAndChild[0]);
    long child = Long.parseLong(parentAndChild[1]);
    pidsToReap.addAll(List.of(parent, child));
    await()
        .atMost(WAIT)
        .until(
            () ->
                ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false) == false
                    && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) == false);
  }

  @Test
  void failingCommandIsNotRetriedByDefault() throws Exception {
    Path out = dir.resolve("out");
    Path failing = script("fail.sh", "echo ran >> " + out + "\nexit 3");
    NotificationDispatcher dispatcher =
        dispatch(exec(new JsonObject().put("command", failing.toString())));

    dispatcher.publish(events.masterElected());

    await().atMost(WAIT).until(() -> stats(dispatcher).droppedRejected() == 1);
    assertThat(Files.readAllLines(out)).containsExactly("ran");
  }

  @Test
  void failingCommandIsRetriedWhenAskedTo() throws Exception {
    Path out = dir.resolve("out");
    Path failing = script("fail.sh", "echo ran >> " + out + "\nexit 3");
    NotificationDispatcher dispatcher =
        dispatch(exec(new JsonObject().put("command", failing.toString()).put("retry-on-failure", true)));

    dispatcher.publish(events.masterElected());

    await().atMost(WAIT).until(() -> stats(dispatcher).droppedAfterRetries() == 1);
    assertThat(Files.readAllLines(out)).containsExactly("ran", "ran", "ran");
  }

  @Test
  void checkEventsRunTheCommandWithCheckArgumentsWhenEnabled() throws Exception {
    Path out = dir.resolve("out");
    Path notify = script("notify.sh", "echo \"$* $VIPD_REASON\" >> " + out);
    Notifier notifier =
        exec(new JsonObject().put("command", notify.toString()).put("check-events", true));

    notifier.send(events.checkDown()).await();

    assertThat(notifier.wantsCheckEvents()).isTrue();
    assertThat(Files.readAllLines(out))
        .containsExactly("CHECK mysql-local DOWN 90 check mysql-local DOWN: connection refused");
  }

  @Test
  void configurationWithoutAnyCommandIsRefused() {
    assertThatThrownBy(() -> exec(new JsonObject(Map.of("timeout", "5s"))))
        .isInstanceOf(PluginConfigException.class)
        .hasMessageContaining("needs 'command'");
  }
}
