package io.vipd.instance;

import io.vipd.config.AnnounceSchedule;
import io.vipd.config.TrackConfig;
import io.vipd.config.VipConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import io.vipd.net.NetworkEvent;
import io.vipd.track.CheckRunner;
import io.vipd.track.CheckSchedule;
import io.vipd.track.TrackedCheck;
import io.vipd.vrrp.VrrpAction.StateChanged;
import io.vipd.vrrp.ChecksumMode;
import io.vipd.vrrp.DropReason;
import io.vipd.vrrp.VrrpSettings;
import io.vipd.vrrp.VrrpState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two instances on a fake segment, on a real Vert.x: the driver wiring, not the protocol (see VrrpStateMachineTest). */
class VrrpInstanceTest {
  private static final VipConfig VIP = new VipConfig(InMemorySegment.address("10.99.0.10"), 24, java.util.Optional.empty());

  private final Vertx vertx = Vertx.vertx();
  private final InMemorySegment segment = new InMemorySegment();
  private final List<String> transitions = new CopyOnWriteArrayList<>();
  private final List<String> checkReports = new CopyOnWriteArrayList<>();
  private final List<CheckRunner> runners = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeVertx() {
    runners.forEach(r -> r.stop().await());
    vertx.close().await();
  }

  private Node node(String address, int priority) {
    return node(address, priority, TrackConfig.NONE);
  }

  private Node node(String address, int priority, TrackConfig track) {
    VrrpSettings settings = VrrpSettings.of(51, 3, priority, InMemorySegment.address(address))
        .withAdvertIntervalCentis(10);
    InstanceSpec spec = new InstanceSpec("vip-" + address, "eth0", settings, List.of(VIP),
        ChecksumMode.PSEUDO_HEADER, AnnounceSchedule.KEEPALIVED_DEFAULTS, track, List.of());
    RecordingAddresses addresses = new RecordingAddresses();
    VrrpInstance instance = new VrrpInstance(spec, segment.attach(address), addresses, addresses,
        vertx.getOrCreateContext(), new Recorder(), System::nanoTime);
    return new Node(instance, addresses);
  }

  /** Records transitions, and check reports with the priority the instance had when it heard them. */
  private final class Recorder implements InstanceListener {
    @Override
    public void stateChanged(VrrpInstance instance, StateChanged change) {
      transitions.add(instance.name() + " " + change.from() + "->" + change.to() + " " + change.reason());
    }

    @Override
    public void checkChanged(VrrpInstance instance, String check, CheckStatus now, String message) {
      checkReports.add(check + " " + now + " at priority " + instance.effectivePriority());
    }
  }

  private CheckRunner runner(String name, AtomicReference<CheckStatus> answer) {
    CheckRunner runner = new CheckRunner(vertx, name,
        () -> Future.succeededFuture(new CheckResult(answer.get(), "", Duration.ZERO, null)),
        new CheckSchedule(Duration.ofMillis(20), Duration.ofMillis(200), 1, 1));
    runners.add(runner);
    return runner;
  }

  private record Node(VrrpInstance instance, RecordingAddresses addresses) {}

  @Test
  void higherPriorityNodeHoldsTheVipAndAnnouncesIt() {
    Node high = node("10.99.0.11", 150);
    Node low = node("10.99.0.12", 100);
    low.instance().start().await();
    high.instance().start().await();

    await().atMost(Duration.ofSeconds(3)).until(() -> high.instance().state() == VrrpState.MASTER);
    assertThat(high.addresses().configured).containsExactly(VIP);
    assertThat(high.addresses().announced).contains(VIP);
    await().atMost(Duration.ofSeconds(2)).until(() -> low.instance().advertsReceived() > 3);
    assertThat(low.instance().state()).isEqualTo(VrrpState.BACKUP);
    assertThat(low.addresses().configured).isEmpty();
  }

  @Test
  void backupTakesOverWhenMasterStopsGracefully() {
    Node high = node("10.99.0.11", 150);
    Node low = node("10.99.0.12", 100);
    high.instance().start().await();
    await().atMost(Duration.ofSeconds(3)).until(() -> high.instance().state() == VrrpState.MASTER);
    low.instance().start().await();
    await().atMost(Duration.ofSeconds(2)).until(() -> low.instance().advertsReceived() > 2);

    high.instance().stop().await();

    assertThat(high.addresses().configured).isEmpty();
    await().atMost(Duration.ofSeconds(2)).until(() -> low.instance().state() == VrrpState.MASTER);
    assertThat(low.addresses().configured).containsExactly(VIP);
    assertThat(transitions).anyMatch(t -> t.startsWith("vip-10.99.0.12 BACKUP->MASTER priority-0 advert"));
  }

  @Test
  void backupTakesOverWhenMasterLinkIsCut() {
    Node high = node("10.99.0.11", 150);
    Node low = node("10.99.0.12", 100);
    high.instance().start().await();
    low.instance().start().await();
    await().atMost(Duration.ofSeconds(3)).until(() -> high.instance().state() == VrrpState.MASTER);

    ((InMemorySegment.Port) portOf(high)).linkUp = false;

    await().atMost(Duration.ofSeconds(2)).until(() -> low.instance().state() == VrrpState.MASTER);
    assertThat(transitions).anyMatch(t -> t.equals("vip-10.99.0.12 BACKUP->MASTER master-down timer expired"));
  }

  @Test
  void faultReleasesTheVipUntilEveryFaultIsCleared() {
    AtomicReference<CheckStatus> disk = new AtomicReference<>(CheckStatus.UP);
    AtomicReference<CheckStatus> mysql = new AtomicReference<>(CheckStatus.UP);
    Node only = node("10.99.0.11", 150, new TrackConfig(List.of("eth1"),
        List.of(TrackedCheck.faulting("disk"), TrackedCheck.weighted("mysql", -30))));
    CheckRunner diskRunner = runner("disk", disk);
    CheckRunner mysqlRunner = runner("mysql", mysql);
    assertThat(only.instance().track(diskRunner, false)).isTrue();
    assertThat(only.instance().track(mysqlRunner, false)).isTrue();
    assertThat(only.instance().track(runner("other", disk), false)).as("a check it does not track").isFalse();
    only.instance().start().await();
    diskRunner.start();
    mysqlRunner.start();
    await().atMost(Duration.ofSeconds(3)).until(() -> only.instance().state() == VrrpState.MASTER);

    only.instance().networkChanged(new NetworkEvent.LinkChanged("eth1", false));
    disk.set(CheckStatus.DOWN);
    await().atMost(Duration.ofSeconds(1)).until(() -> only.instance().state() == VrrpState.FAULT);
    assertThat(only.addresses().configured).isEmpty();
    await().atMost(Duration.ofSeconds(1)).until(() -> only.instance().faultReason().orElse("").contains("disk"));

    only.instance().networkChanged(new NetworkEvent.LinkChanged("eth1", true));
    mysql.set(CheckStatus.DOWN);
    await().atMost(Duration.ofSeconds(1)).until(() -> only.instance().effectivePriority() == 120);
    assertThat(only.instance().state()).isEqualTo(VrrpState.FAULT);

    disk.set(CheckStatus.UP);
    await().atMost(Duration.ofSeconds(3)).until(() -> only.instance().state() == VrrpState.MASTER);
    only.instance().networkChanged(new NetworkEvent.LinkChanged("eth2", false));
    assertThat(only.instance().handOver().await()).as("still master: eth2 is not tracked").isTrue();
  }

  @Test
  void reportedCheckChangeIsHeardAfterTrackingAppliedIt() {
    AtomicReference<CheckStatus> mysql = new AtomicReference<>(CheckStatus.UP);
    Node only = node("10.99.0.11", 150, new TrackConfig(List.of(), List.of(TrackedCheck.weighted("mysql", -30))));
    CheckRunner runner = runner("mysql", mysql);
    assertThat(only.instance().track(runner, true)).isTrue();
    only.instance().start().await();
    mysql.set(CheckStatus.DOWN);
    runner.start();

    await().atMost(Duration.ofSeconds(3)).until(() -> !checkReports.isEmpty());
    assertThat(checkReports).containsExactly("mysql DOWN at priority 120");
  }

  @Test
  void aReloadKeepsTheMastersStateAndAppliesItsNewVipList() {
    Node only = node("10.99.0.11", 150);
    only.instance().start().await();
    await().atMost(Duration.ofSeconds(3)).until(() -> only.instance().state() == VrrpState.MASTER);
    transitions.clear();
    VipConfig second = new VipConfig(InMemorySegment.address("10.99.0.20"), 24, java.util.Optional.empty());
    InstanceSpec before = only.instance().spec();
    InstanceSpec after = new InstanceSpec(before.name(), before.interfaceName(), before.settings().withPriority(160),
        List.of(second), before.checksumMode(), before.announce(), before.track(), before.notifiers());

    only.instance().reload(after, null, List.of(), java.util.Set.of()).await();

    assertThat(only.instance().state()).isEqualTo(VrrpState.MASTER);
    assertThat(only.instance().effectivePriority()).isEqualTo(160);
    assertThat(only.addresses().configured).containsExactly(second);
    assertThat(only.addresses().announced).contains(second);
    assertThat(transitions).isEmpty();
  }

  @Test
  void aReloadedTransportTakesOverFromTheOldOne() {
    Node high = node("10.99.0.11", 150);
    Node low = node("10.99.0.12", 100);
    high.instance().start().await();
    low.instance().start().await();
    await().atMost(Duration.ofSeconds(3)).until(() -> high.instance().state() == VrrpState.MASTER);
    InMemorySegment.Port old = (InMemorySegment.Port) portOf(high);
    InMemorySegment.Port next = segment.attach("10.99.0.11");

    high.instance().reload(high.instance().spec(), next, List.of(), java.util.Set.of()).await();
    old.linkUp = false; // only the new transport can reach the backup now
    long heard = low.instance().advertsReceived();

    await().atMost(Duration.ofSeconds(2)).until(() -> low.instance().advertsReceived() > heard + 5);
    assertThat(low.instance().state()).isEqualTo(VrrpState.BACKUP);
    assertThat(high.instance().transportDescription()).isEqualTo(next.describe());
  }

  @Test
  void aKeptCheckKeepsItsStatusAndANewOneCountsAsUpUntilItsFirstResult() {
    AtomicReference<CheckStatus> mysql = new AtomicReference<>(CheckStatus.DOWN);
    TrackConfig track = new TrackConfig(List.of(), List.of(TrackedCheck.weighted("mysql", -30)));
    Node only = node("10.99.0.11", 150, track);
    CheckRunner old = runner("mysql", mysql);
    only.instance().track(old, false);
    only.instance().start().await();
    old.start();
    await().atMost(Duration.ofSeconds(3)).until(() -> only.instance().effectivePriority() == 120);

    only.instance().reload(only.instance().spec(), null, List.of(old), java.util.Set.of()).await();
    assertThat(only.instance().effectivePriority()).as("a kept check's status is kept").isEqualTo(120);

    CheckRunner changed = runner("mysql", mysql);
    only.instance().reload(only.instance().spec(), null, List.of(changed), java.util.Set.of()).await();
    assertThat(only.instance().effectivePriority()).as("assumed UP before its first result").isEqualTo(150);
    mysql.set(CheckStatus.UP);
    await().atMost(Duration.ofSeconds(1)).until(() -> old.status() == CheckStatus.UP);
    mysql.set(CheckStatus.DOWN);
    await().atMost(Duration.ofSeconds(1)).until(() -> old.status() == CheckStatus.DOWN);
    assertThat(only.instance().effectivePriority()).as("the replaced runner is not heard any more").isEqualTo(150);
    changed.start();
    await().atMost(Duration.ofSeconds(3)).until(() -> only.instance().effectivePriority() == 120);
  }

  /** An instance a reload adds, tracking a check that is already DOWN, must not start as if it were UP. */
  @Test
  void anInstanceTrackingARunningCheckStartsWithItsKnownStatus() {
    AtomicReference<CheckStatus> mysql = new AtomicReference<>(CheckStatus.DOWN);
    CheckRunner running = runner("mysql", mysql);
    running.start();
    await().atMost(Duration.ofSeconds(2)).until(running::hasReported);
    Node added = node("10.99.0.11", 150, new TrackConfig(List.of(), List.of(TrackedCheck.faulting("mysql"))));

    assertThat(added.instance().track(running, false)).isTrue();
    added.instance().start().await();

    await().atMost(Duration.ofSeconds(2)).until(() -> added.instance().state() == VrrpState.FAULT);
    assertThat(transitions).containsExactly("vip-10.99.0.11 INITIALIZE->FAULT fault: check mysql DOWN");
  }

  @Test
  void handOverIsOneTransitionToBackup() {
    // equal priorities: whoever is master keeps it, so the hand-over is not undone by preemption
    Node first = node("10.99.0.11", 100);
    Node second = node("10.99.0.12", 100);
    first.instance().start().await();
    await().atMost(Duration.ofSeconds(3)).until(() -> first.instance().state() == VrrpState.MASTER);
    assertThat(second.instance().handOver().await()).as("not master: nothing to hand over").isFalse();
    second.instance().start().await();
    await().atMost(Duration.ofSeconds(2)).until(() -> second.instance().advertsReceived() > 2);
    transitions.clear();

    assertThat(first.instance().handOver().await()).isTrue();

    assertThat(first.addresses().configured).isEmpty();
    await().atMost(Duration.ofSeconds(2)).until(() -> second.instance().state() == VrrpState.MASTER);
    await().atMost(Duration.ofSeconds(2)).until(() -> first.instance().currentMaster().isPresent());
    assertThat(first.instance().state()).isEqualTo(VrrpState.BACKUP);
    assertThat(transitions).filteredOn(t -> t.startsWith("vip-10.99.0.11"))
        .containsExactly("vip-10.99.0.11 MASTER->BACKUP " + VrrpInstance.HAND_OVER_REASON);
    assertThat(transitions).filteredOn(t -> t.startsWith("vip-10.99.0.12"))
        .containsExactly("vip-10.99.0.12 BACKUP->MASTER priority-0 advert from 10.99.0.11");
  }

  @Test
  void corruptedAdvertIsCountedAndDropped() {
    Node receiver = node("10.99.0.12", 100);
    receiver.instance().start().await();
    InMemorySegment.Port liar = segment.attach("10.99.0.13");
    vertx.getOrCreateContext().runOnContext(v -> liar.start(r -> {}).onSuccess(ok ->
        liar.send((source, destination) -> new byte[] {0x31, 51, 100})));

    await().atMost(Duration.ofSeconds(2)).until(() -> receiver.instance().drops().get(DropReason.TOO_SHORT) == 1);
    assertThat(receiver.instance().state()).isEqualTo(VrrpState.BACKUP);
  }

  private Object portOf(Node node) {
    try {
      var field = VrrpInstance.class.getDeclaredField("transport");
      field.setAccessible(true);
      return field.get(node.instance());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
