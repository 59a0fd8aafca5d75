package io.vipd.instance;

import io.vipd.config.AnnounceSchedule;
import io.vipd.config.VipConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vipd.vrrp.ChecksumMode;
import io.vipd.vrrp.DropReason;
import io.vipd.vrrp.VrrpSettings;
import io.vipd.vrrp.VrrpState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two instances on a fake segment, on a real Vert.x: the driver wiring, not the protocol (see VrrpStateMachineTest). */
class VrrpInstanceTest {
  private static final VipConfig VIP = new VipConfig(InMemorySegment.address("10.99.0.10"), 24, java.util.Optional.empty());

  private final Vertx vertx = Vertx.vertx();
  private final InMemorySegment segment = new InMemorySegment();
  private final List<String> transitions = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeVertx() {
    vertx.close().await();
  }

  private Node node(String address, int priority) {
    VrrpSettings settings = VrrpSettings.of(51, 3, priority, InMemorySegment.address(address))
        .withAdvertIntervalCentis(10);
    InstanceSpec spec = new InstanceSpec("vip-" + address, "eth0", settings, List.of(VIP),
        ChecksumMode.PSEUDO_HEADER, AnnounceSchedule.KEEPALIVED_DEFAULTS);
    RecordingAddresses addresses = new RecordingAddresses();
    StateListener listener = (instance, change) ->
        transitions.add(instance.name() + " " + change.from() + "->" + change.to() + " " + change.reason());
    VrrpInstance instance = new VrrpInstance(spec, segment.attach(address), addresses, addresses,
        vertx.getOrCreateContext(), listener, System::nanoTime);
    return new Node(instance, addresses);
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
    Node only = node("10.99.0.11", 150);
    only.instance().start().await();
    await().atMost(Duration.ofSeconds(3)).until(() -> only.instance().state() == VrrpState.MASTER);

    only.instance().raiseFault("link eth0", "link eth0 down");
    only.instance().raiseFault("checks", "check mysql DOWN");
    await().atMost(Duration.ofSeconds(1)).until(() -> only.instance().state() == VrrpState.FAULT);
    assertThat(only.addresses().configured).isEmpty();

    only.instance().clearFault("link eth0");
    only.instance().setEffectivePriority(120);
    await().atMost(Duration.ofSeconds(1)).until(() -> only.instance().effectivePriority() == 120);
    assertThat(only.instance().state()).isEqualTo(VrrpState.FAULT);

    only.instance().clearFault("checks");
    await().atMost(Duration.ofSeconds(3)).until(() -> only.instance().state() == VrrpState.MASTER);
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
