package io.vipd.instance;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vipd.api.AdvertTransport;
import io.vipd.api.CheckStatus;
import io.vipd.api.ReceivedAdvert;
import io.vipd.config.VipConfig;
import io.vipd.net.NetworkEvent;
import io.vipd.track.CheckRunner;
import io.vipd.track.EffectivePriority;
import io.vipd.track.TrackListener;
import io.vipd.track.Tracker;
import io.vipd.vrrp.Decoded;
import io.vipd.vrrp.VrrpAction;
import io.vipd.vrrp.VrrpCodec;
import io.vipd.vrrp.VrrpConstants;
import io.vipd.vrrp.VrrpEvent;
import io.vipd.vrrp.VrrpPacket;
import io.vipd.vrrp.VrrpState;
import io.vipd.vrrp.VrrpStateMachine;
import io.vipd.vrrp.VrrpTimers;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running VRRP instance: binds a {@link VrrpStateMachine} to a transport, the interface's addresses,
 * the announcer and its {@link Tracker} (the checks and links its spec tracks), with its one timer on its
 * Vert.x context. Everything here runs on that context, in order; public methods may be called from any
 * thread.
 */
public final class VrrpInstance {
  private static final Logger log = LoggerFactory.getLogger(VrrpInstance.class);
  /** The reason of the transition {@link #handOver()} causes. */
  public static final String HAND_OVER_REASON = "handed over on request";
  private static final String CHECKS_FAULT = "checks";

  /** Replaced by {@link #reload}, on the context; read from any thread. */
  private volatile InstanceSpec spec;
  private final VrrpStateMachine machine;
  private volatile AdvertTransport transport;
  private final AddressControl addressControl;
  private final AnnounceScheduler announcer;
  private final Context context;
  private final InstanceListener listener;
  /** Confined to the context once started; a reload replaces it. */
  private Tracker tracker;
  /** The checks whose changes this instance reports to its listener; confined to the context. */
  private Set<String> reportedChecks = new HashSet<>();
  /** The first results of the tracked checks; filled before {@link #start()}. */
  private final List<Future<Void>> firstResults = new ArrayList<>();
  /** Set by {@link #stop()}: a start still waiting for checks never happens. */
  private boolean stopping;
  private final LongSupplier nanoClock;
  private final DropCounters drops = new DropCounters();
  private final TransitionCounters transitions = new TransitionCounters();
  private final TimerHealth timerHealth;
  /** Active fault sources ({@code link eth0}, {@code checks}) and their reasons. */
  private final Map<String, String> faults = new LinkedHashMap<>();
  private long timerId = -1;
  /** The deadline the armed timer fires for; meaningful while {@code timerId >= 0}. */
  private long armedDeadline;
  private volatile VrrpState state = VrrpState.INITIALIZE;
  private volatile int effectivePriority;
  private volatile long advertsSent;
  private volatile long advertsReceived;
  /** Consecutive failed advert sends; confined to the context. */
  private long failedSends;
  private volatile InetAddress currentMaster;
  private volatile String faultReason;

  public VrrpInstance(
      InstanceSpec spec,
      AdvertTransport transport,
      AddressControl addressControl,
      Announcer announcer,
      Context context,
      InstanceListener listener,
      LongSupplier nanoClock) {
    this.spec = spec;
    this.machine = new VrrpStateMachine(spec.settings());
    this.transport = transport;
    this.addressControl = addressControl;
    this.announcer = new AnnounceScheduler(this::spec, announcer, context, () -> machine.state() == VrrpState.MASTER);
    this.context = context;
    this.listener = listener;
    this.nanoClock = nanoClock;
    this.effectivePriority = spec.settings().priority();
    this.timerHealth = new TimerHealth(spec.name());
    this.tracker = new Tracker(context, spec.settings().priority(), spec.track().checks(), new TrackingOutput());
  }

  public InstanceSpec spec() {
    return spec;
  }

  public String name() {
    return spec.name();
  }

  public VrrpState state() {
    return state;
  }

  public int effectivePriority() {
    return effectivePriority;
  }

  public DropCounters drops() {
    return drops;
  }

  public TransitionCounters transitions() {
    return transitions;
  }

  /** The master this instance last accepted an advert from while in Backup; empty in other states. */
  public Optional<InetAddress> currentMaster() {
    return Optional.ofNullable(currentMaster);
  }

  /** The active fault reasons, joined ({@code link eth0 down, maintenance}); empty when there is none. */
  public Optional<String> faultReason() {
    return Optional.ofNullable(faultReason);
  }

  public long advertsSent() {
    return advertsSent;
  }

  /** Adverts sent more than half an interval late (a loaded or paused host). */
  public long lateAdverts() {
    return timerHealth.lateAdverts();
  }

  public long advertsReceived() {
    return advertsReceived;
  }

  public String transportDescription() {
    return transport.describe();
  }

  /** Packets the transport dropped itself, by its reason names. */
  public Map<String, Long> transportDropCounts() {
    return transport.dropCounts();
  }

  /**
   * Removes addresses an earlier run may have left behind (unless we own them), opens the transport and
   * starts the state machine.
   */
  public Future<Void> start() {
    Promise<Void> started = Promise.promise();
    context.runOnContext(v -> {
      if (spec.settings().priority() != VrrpConstants.OWNER_PRIORITY) {
        removeLeftovers();
      }
      transport.start(this::onAdvert)
          .onSuccess(ok -> {
            startOnceChecksReported();
            started.complete();
          })
          .onFailure(started::fail);
    });
    return started.future();
  }

  /**
   * The state machine starts once every tracked check has reported its first result: until then its
   * priority is only assumed, and a node whose database is down must not take the VIP on that
   * assumption, not even for an advert. It waits in INITIALIZE (no adverts, no VIPs); the first call of a
   * check is bounded by its timeout and start-up grace.
   */
  private void startOnceChecksReported() {
    if (firstResults.isEmpty()) {
      apply(new VrrpEvent.Startup());
      return;
    }
    log.info("{}: waiting for the first result of {} check(s) before joining the group", spec.name(),
        firstResults.size());
    Future.join(firstResults).onComplete(ar -> context.runOnContext(x -> {
      if (!stopping) {
        apply(new VrrpEvent.Startup());
      }
    }));
  }

  /** Resigns (a master sends priority 0 and removes its addresses) and closes the transport. */
  public Future<Void> stop() {
    Promise<Void> stopped = Promise.promise();
    context.runOnContext(v -> {
      stopping = true;
      apply(new VrrpEvent.Shutdown());
      cancelTimer();
      announcer.cancel();
      transport.stop().onComplete(ar -> stopped.complete());
    });
    return stopped.future();
  }

  /**
   * Follows {@code runner} if the spec tracks it, and returns whether it does. With {@code report}, the
   * listener hears each of its changes once tracking has applied it. Call before the runner starts.
   */
  public boolean track(CheckRunner runner, boolean report) {
    if (!tracker.attach(runner)) {
      return false;
    }
    firstResults.add(runner.firstResult());
    if (report) {
      context.runOnContext(v -> reportedChecks.add(runner.name()));
    }
    if (runner.hasReported()) { // a running check (an instance added by a reload): its status is known
      context.runOnContext(v -> {
        tracker.seed(runner);
        applyTracked();
      });
    }
    return true;
  }

  /**
   * A fault source ({@code maintenance}) reports a problem; the first one puts the instance in FAULT, a
   * changed reason only updates it.
   */
  public void raiseFault(String source, String reason) {
    context.runOnContext(v -> raise(source, reason));
  }

  /** A fault source is fine again; when none is left the instance leaves FAULT. */
  public void clearFault(String source) {
    context.runOnContext(v -> clear(source));
  }

  /**
   * Hands mastership to a backup now: the master resigns with a priority-0 advert, so the best backup
   * takes over after its Skew_Time (RFC 5798 section 6.4.2), and goes on as a backup: one MASTER -> BACKUP
   * transition, {@value #HAND_OVER_REASON}. A node that would preempt the new master (higher priority,
   * preempt on) takes the VIP back as VRRP says; maintenance keeps it away instead. Completes with false,
   * doing nothing, when the instance is not master.
   */
  public Future<Boolean> handOver() {
    Promise<Boolean> done = Promise.promise();
    context.runOnContext(v -> {
      if (state != VrrpState.MASTER) {
        done.complete(false);
        return;
      }
      apply(new VrrpEvent.HandOver(HAND_OVER_REASON));
      done.complete(true);
    });
    return done.future();
  }

  /**
   * Applies a reload in place: the state, the VIPs held and the advert timer stay. A changed VIP list is
   * applied to the interface by a master (and announced); {@code nextTransport}, when not null, replaces the
   * transport once it has started (adverts go on through the old one until then); the tracker is rebuilt
   * over {@code runners} (a kept check hands over its known status, a new one counts as UP until its first
   * result), and {@code reported} are the checks whose changes this instance reports from now on. The VRID,
   * version, interface and address family must not change (the daemon replaces such an instance instead).
   */
  public Future<Void> reload(InstanceSpec next, AdvertTransport nextTransport, List<CheckRunner> runners,
      Set<String> reported) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      InstanceSpec before = spec;
      spec = next;
      reportedChecks = new HashSet<>(reported);
      retrack(runners);
      if (!next.settings().equals(before.settings())) {
        apply(new VrrpEvent.Reconfigured(next.settings(), tracker.current().priority()));
      }
      applyTracked();
      if (state == VrrpState.MASTER && !next.addresses().equals(before.addresses())) {
        moveAddresses(before.addresses(), next.addresses());
      }
      if (nextTransport == null) {
        done.complete();
      } else {
        swapTransport(nextTransport, done);
      }
    });
    return done.future();
  }

  /** Makes the priority and the checks' FAULT what the tracker says now. */
  private void applyTracked() {
    EffectivePriority tracked = tracker.current();
    changePriority(tracked.priority());
    if (tracked.fault()) {
      raise(CHECKS_FAULT, tracked.faultReason());
    } else {
      clear(CHECKS_FAULT);
    }
  }

  private void retrack(List<CheckRunner> runners) {
    tracker.detach();
    tracker = new Tracker(context, spec.settings().priority(), spec.track().checks(), new TrackingOutput());
    for (CheckRunner runner : runners) {
      if (tracker.attach(runner)) {
        tracker.seed(runner);
      }
    }
  }

  private void moveAddresses(List<VipConfig> before, List<VipConfig> after) {
    List<VipConfig> gone = before.stream().filter(a -> !after.contains(a)).toList();
    List<VipConfig> added = after.stream().filter(a -> !before.contains(a)).toList();
    if (!gone.isEmpty()) {
      withAddresses("remove", () -> addressControl.remove(gone));
    }
    if (!added.isEmpty()) {
      withAddresses("add", () -> addressControl.add(added));
      announcer.announceNow();
    }
  }

  private void swapTransport(AdvertTransport next, Promise<Void> done) {
    next.start(this::onAdvert).onComplete(ar -> context.runOnContext(v -> {
      if (ar.failed()) {
        log.error("{}: the reloaded transport ({}) did not start, keeping {}: {}", spec.name(), next.describe(),
            transport.describe(), ar.cause().getMessage());
        done.fail(ar.cause());
        return;
      }
      AdvertTransport old = transport;
      transport = next;
      log.info("{}: adverts now go over {} (was {})", spec.name(), next.describe(), old.describe());
      old.stop().onComplete(x -> done.complete());
    }));
  }

  /**
   * A link or address changed on this host. A tracked link going down is a FAULT until it comes back; one
   * of our addresses removed behind our back is put back by a master, which re-announces it.
   */
  public void networkChanged(NetworkEvent event) {
    if (event instanceof NetworkEvent.LinkChanged link && spec.tracksLink(link.interfaceName())) {
      String source = "link " + link.interfaceName();
      if (link.up()) {
        clearFault(source);
      } else {
        raiseFault(source, source + " down");
      }
    } else if (event instanceof NetworkEvent.AddressRemoved removed
        && removed.interfaceName().equals(spec.interfaceName())) {
      context.runOnContext(v -> restoreIfMaster(removed.address()));
    }
  }

  private void restoreIfMaster(InetAddress address) {
    if (state == VrrpState.MASTER && spec.addresses().stream().anyMatch(a -> a.address().equals(address))) {
      log.warn("{}: {} was removed from {} while master; adding it back", spec.name(),
          address.getHostAddress(), spec.interfaceName());
      withAddresses("re-add", () -> addressControl.add(spec.addresses()));
      announcer.announceNow();
    }
  }

  private void raise(String source, String reason) {
    if (!reason.equals(faults.put(source, reason))) {
      apply(new VrrpEvent.FaultRaised(String.join(", ", faults.values())));
    }
  }

  private void clear(String source) {
    if (faults.remove(source) != null) {
      apply(faults.isEmpty()
          ? new VrrpEvent.FaultCleared()
          : new VrrpEvent.FaultRaised(String.join(", ", faults.values())));
    }
  }

  private void changePriority(int priority) {
    int before = machine.effectivePriority();
    if (priority != before) {
      // logged because a priority change alone (DEGRADED, or a DOWN check that does not lose the
      // election) leaves no transition line behind
      log.info("{}: effective priority {} -> {}", spec.name(), before, priority);
      apply(new VrrpEvent.PriorityChanged(priority));
    }
  }

  /** The tracker's output, already on this instance's context. */
  private final class TrackingOutput implements TrackListener {
    @Override
    public void priorityChanged(int effective) {
      changePriority(effective);
    }

    @Override
    public void faultChanged(boolean fault, String reason) {
      if (fault) {
        raise(CHECKS_FAULT, reason);
      } else {
        clear(CHECKS_FAULT);
      }
    }

    @Override
    public void checkChanged(String name, CheckStatus old, CheckStatus now, String message) {
      if (reportedChecks.contains(name)) {
        try {
          listener.checkChanged(VrrpInstance.this, name, now, message);
        } catch (RuntimeException e) {
          log.warn("{}: instance listener failed: {}", spec.name(), e.toString());
        }
      }
    }
  }

  private void onAdvert(ReceivedAdvert received) {
    Decoded decoded = VrrpCodec.decode(received.payload(), 0, received.payload().length,
        received.source(), received.destination(), spec.checksumMode());
    if (decoded instanceof Decoded.Rejected rejected) {
      drops.increment(rejected.reason());
      if (log.isDebugEnabled()) { // a flood of garbage must cost a counter, not a formatted address each
        log.debug("{}: dropped packet from {}: {} ({})", spec.name(), received.source().getHostAddress(),
            rejected.reason().label(), rejected.detail());
      }
      return;
    }
    VrrpPacket packet = ((Decoded.Ok) decoded).packet();
    advertsReceived++;
    apply(VrrpEvent.AdvertReceived.of(packet, received.source(), received.ttl()));
  }

  private void apply(VrrpEvent event) {
    long now = nanoClock.getAsLong();
    if (timerId >= 0 && now - armedDeadline > 0) { // only an overdue timer can mean a pause
      timerHealth.handling(armedDeadline, now, masterDownInterval());
    }
    List<VrrpAction> actions = machine.handle(event, now);
    for (VrrpAction action : actions) {
      perform(action);
    }
    effectivePriority = machine.effectivePriority();
    currentMaster = machine.state() == VrrpState.BACKUP ? machine.currentMaster().orElse(null) : null;
    faultReason = machine.state() == VrrpState.FAULT ? machine.faultReason().orElse(null) : null;
    armTimer();
  }

  private void perform(VrrpAction action) {
    if (action instanceof VrrpAction.SendAdvert send) {
      sendAdvert(send.priority());
    } else if (action instanceof VrrpAction.AddVips) {
      withAddresses("add", () -> addressControl.add(spec.addresses()));
    } else if (action instanceof VrrpAction.RemoveVips) {
      announcer.cancel();
      withAddresses("remove", () -> addressControl.remove(spec.addresses()));
    } else if (action instanceof VrrpAction.Announce) {
      announcer.announceNow();
    } else if (action instanceof VrrpAction.Reannounce) {
      log.debug("{}: announcing once more, the other master has been quiet", spec.name());
      announcer.announceOnce();
    } else if (action instanceof VrrpAction.StateChanged change) {
      state = change.to();
      transitions.entered(change.to());
      log.info(TransitionLine.message(spec.name(), change.from(), change.to(), change.reason(),
          machine.effectivePriority()));
      notifyListener(change);
    } else if (action instanceof VrrpAction.Dropped dropped) {
      drops.increment(dropped.reason());
      log.debug("{}: dropped advert: {} ({})", spec.name(), dropped.reason().label(), dropped.detail());
    }
  }

  private void sendAdvert(int priority) {
    VrrpPacket packet = VrrpPacket.advert(spec.settings(), priority,
        spec.addresses().stream().map(VipConfig::address).toList());
    transport.send((source, destination) -> VrrpCodec.encode(packet, source, destination, spec.checksumMode()))
        .onSuccess(v -> {
          advertsSent++;
          if (failedSends > 0) {
            log.info("{}: sending adverts works again after {} failed attempt(s)", spec.name(), failedSends);
            failedSends = 0;
          }
        })
        .onFailure(e -> {
          // once per outage: a blocked protocol would otherwise log every advert interval
          if (failedSends++ == 0) {
            log.warn("{}: sending advert failed: {} (further failures are counted, not logged)", spec.name(),
                e.getMessage());
          }
        });
  }

  private void notifyListener(VrrpAction.StateChanged change) {
    try {
      listener.stateChanged(this, change);
    } catch (RuntimeException e) {
      log.warn("{}: instance listener failed: {}", spec.name(), e.toString());
    }
  }

  private void removeLeftovers() {
    withAddresses("remove leftover", () -> {
      List<VipConfig> present = addressControl.present(spec.addresses());
      if (!present.isEmpty()) {
        log.info("{}: removing {} left on {} by an earlier run", spec.name(),
            present, spec.interfaceName());
        addressControl.remove(present);
      }
    });
  }

  private void armTimer() {
    OptionalLong next = machine.nextDeadline();
    if (timerId >= 0 && next.isPresent() && next.getAsLong() == armedDeadline) {
      return; // most events (every dropped packet of a flood) leave the deadline as it was
    }
    cancelTimer();
    next.ifPresent(deadline -> {
      armedDeadline = deadline;
      long delayNanos = deadline - nanoClock.getAsLong();
      long delayMillis = Math.max(1, (delayNanos + 999_999) / 1_000_000);
      timerId = context.owner().setTimer(delayMillis, id -> {
        timerId = -1;
        long now = nanoClock.getAsLong();
        timerHealth.handling(deadline, now, masterDownInterval());
        timerHealth.fired(deadline, now, machine.state() == VrrpState.MASTER,
            VrrpTimers.centis(spec.settings().advertIntervalCentis()));
        apply(new VrrpEvent.TimerFired());
      });
    });
  }

  /** Our own Master_Down_Interval: how long a backup waits before it takes over from us. */
  private Duration masterDownInterval() {
    return VrrpTimers.masterDownInterval(spec.settings().version(), machine.effectivePriority(),
        spec.settings().advertIntervalCentis());
  }

  private void cancelTimer() {
    if (timerId >= 0) {
      context.owner().cancelTimer(timerId);
      timerId = -1;
    }
  }

  private void withAddresses(String what, AddressWork work) {
    try {
      work.run();
    } catch (IOException | RuntimeException e) {
      log.error("{}: {} {} on {} failed: {}", spec.name(), what, spec.addresses(), spec.interfaceName(),
          e.getMessage());
    }
  }

  @FunctionalInterface
  private interface AddressWork {
    void run() throws IOException;
  }
}
