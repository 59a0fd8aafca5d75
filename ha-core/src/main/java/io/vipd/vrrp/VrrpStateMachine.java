package io.vipd.vrrp;

import static io.vipd.vrrp.VrrpConstants.TTL;
import io.vipd.vrrp.VrrpAction.AddVips;
import io.vipd.vrrp.VrrpAction.Announce;
import io.vipd.vrrp.VrrpAction.Dropped;
import io.vipd.vrrp.VrrpAction.RemoveVips;
import io.vipd.vrrp.VrrpAction.SendAdvert;
import io.vipd.vrrp.VrrpAction.StateChanged;
import io.vipd.vrrp.VrrpEvent.AdvertReceived;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The VRRP state machine of one virtual router (RFC 5798 section 6.4 for v3, RFC 3768 section 6.4 for
 * v2, plus keepalived's FAULT state). Pure: {@code (event, now) -> actions}, no clock, no I/O, no
 * logging. Not thread-safe; one driver calls it from one thread (its event-loop context).
 *
 * <p>Driver loop: feed every event to {@link #handle}, carry out the returned actions in order, then
 * arm a single timer at {@link #nextDeadline()} (cancelling the previous one) whose expiry is fed back
 * as {@link VrrpEvent.TimerFired}. Times are monotonic nanoseconds ({@code System.nanoTime()}).
 *
 * <p>Deliberate additions to the RFC, all keepalived behaviour:
 *
 * <ul>
 *   <li>Fast preemption (unless {@link VrrpSettings#strictRfc()}): a preempting backup that hears a
 *       lower-priority master sets Master_Down_Timer to Skew_Time instead of discarding the advert; it
 *       only speeds up a takeover that the RFC makes happen one Master_Down_Interval later.
 *   <li>Preempt delay: after entering Backup from Initialize or Fault, lower-priority adverts are
 *       accepted like higher ones (they reset Master_Down_Timer) until {@link
 *       VrrpSettings#preemptDelay()} has passed.
 *   <li>A master hearing a master that loses the election (lower priority, or equal priority from a
 *       lower address) advertises at once and re-announces its addresses, which heals neighbour caches
 *       after a split brain.
 *   <li>FAULT: entered from any running state; a master resigns with priority 0 first.
 *   <li>A master yielding to a better one sends one last advert at its own priority, which makes the winner
 *       re-announce (a healed split brain leaves clients pointing at the loser otherwise).
 *   <li>A master that took over from a live master (one heard within Master_Down_Interval), or that heard
 *       a losing master, announces its addresses once more when that master has been quiet for
 *       {@link #QUIET_ADVERTS} of its own advert intervals: a gratuitous ARP the old master sent before it
 *       heard our advert would otherwise leave clients pointing at a host that dropped the VIP.
 *   <li>Hand-over: a master asked to step down resigns with priority 0 and goes on as a backup.
 * </ul>
 *
 * <p>Every state change goes through one method that leaves the old state, enters the new one and
 * then appends {@link StateChanged} as the last action.
 */
public final class VrrpStateMachine {


  static final String MASTER_DOWN_EXPIRED = "master-down timer expired";
  /** How many of our advert intervals another master must stay silent before the re-announce. */
  static final int QUIET_ADVERTS = 2;

  private VrrpSettings settings;
  private VrrpState state = VrrpState.INITIALIZE;
  private int priority;
  /** Master_Adver_Interval (RFC 5798 section 6.1), in centiseconds. */
  private int masterAdverIntervalCentis;
  /** The one running timer: Adver_Timer in Master, Master_Down_Timer in Backup. */
  private boolean timerArmed;
  private long timerDeadline;
  /** What a Master_Down_Timer expiry will be reported as. */
  private String takeoverReason = MASTER_DOWN_EXPIRED;
  private long preemptAllowedAt;
  private String faultReason;
  private InetAddress currentMaster;
  /** When we last heard another router advertise as master (priority above 0); valid if heardMaster. */
  private boolean heardMaster;
  private long masterHeardAt;
  /** A master's pending re-announce, due once no other master was heard since {@code quietSince}. */
  private boolean reannouncePending;
  private long quietSince;

  public VrrpStateMachine(VrrpSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.priority = settings.priority();
    this.masterAdverIntervalCentis = settings.advertIntervalCentis();
  }

  /**
   * Applies one event at monotonic time {@code nowNanos} and returns what the driver must do, in
   * order. An empty list means nothing to do.
   */
  public List<VrrpAction> handle(VrrpEvent event, long nowNanos) {
    Objects.requireNonNull(event, "event");
    List<VrrpAction> out = new ArrayList<>(5);
    if (event instanceof AdvertReceived advert) {
      onAdvert(advert, nowNanos, out);
    } else if (event instanceof VrrpEvent.TimerFired) {
      onTimer(nowNanos, out);
    } else if (event instanceof VrrpEvent.Startup) {
      onStartup(nowNanos, out);
    } else if (event instanceof VrrpEvent.Shutdown) {
      if (state.isListening() || state == VrrpState.FAULT) {
        changeState(VrrpState.STOPPED, "shutdown", nowNanos, out);
      }
    } else if (event instanceof VrrpEvent.PriorityChanged change) {
      onPriorityChanged(change.effectivePriority(), nowNanos, out);
    } else if (event instanceof VrrpEvent.FaultRaised fault) {
      faultReason = fault.reason();
      if (state.isListening()) {
        changeState(VrrpState.FAULT, "fault: " + faultReason, nowNanos, out);
      }
    } else if (event instanceof VrrpEvent.HandOver handOver) {
      if (state == VrrpState.MASTER) {
        changeState(VrrpState.BACKUP, handOver.reason(), true, nowNanos, out);
      }
    } else if (event instanceof VrrpEvent.Reconfigured reconfigured) {
      onReconfigured(reconfigured, nowNanos, out);
    } else if (event instanceof VrrpEvent.FaultCleared) {
      faultReason = null;
      if (state == VrrpState.FAULT) {
        changeState(isOwner() ? VrrpState.MASTER : VrrpState.BACKUP, "fault cleared", nowNanos, out);
      }
    }
    return List.copyOf(out);
  }

  /** When the driver must deliver {@link VrrpEvent.TimerFired}, in monotonic nanos; empty: no timer. */
  public OptionalLong nextDeadline() {
    return timerArmed ? OptionalLong.of(timerDeadline) : OptionalLong.empty();
  }

  public VrrpState state() {
    return state;
  }

  public VrrpSettings settings() {
    return settings;
  }

  /** The priority we advertise now (configured, changed by {@link VrrpEvent.PriorityChanged}). */
  public int effectivePriority() {
    return priority;
  }

  /** Master_Adver_Interval: learned from the master's adverts in v3 Backup, else our own. */
  public Duration masterAdverInterval() {
    return VrrpTimers.centis(masterAdverIntervalCentis);
  }

  /** The master we last accepted an advert from, while in Backup. */
  public Optional<InetAddress> currentMaster() {
    return Optional.ofNullable(currentMaster);
  }

  /** The reason of the fault raised and not cleared yet, if any (also remembered while stopped). */
  public Optional<String> faultReason() {
    return Optional.ofNullable(faultReason);
  }

  private void onStartup(long now, List<VrrpAction> out) {
    if (state != VrrpState.INITIALIZE && state != VrrpState.STOPPED) {
      return;
    }
    if (faultReason != null) {
      changeState(VrrpState.FAULT, "fault: " + faultReason, now, out);
    } else if (isOwner()) {
      changeState(VrrpState.MASTER, "address owner (priority 255)", now, out);
    } else {
      changeState(VrrpState.BACKUP, "startup", now, out);
    }
  }

  private void onTimer(long now, List<VrrpAction> out) {
    if (!timerArmed || now - timerDeadline < 0) {
      return; // early or stale wake-up: nothing is due
    }
    if (state == VrrpState.MASTER) {
      // RFC 5798 section 6.4.3: Adver_Timer fired
      out.add(new SendAdvert(priority));
      if (reannouncePending && now - quietSince >= quietPeriod().toNanos()) {
        reannouncePending = false;
        out.add(new VrrpAction.Reannounce());
      }
      armAdverTimer(now);
    } else if (state == VrrpState.BACKUP) {
      // RFC 5798 section 6.4.2: Master_Down_Timer fired
      changeState(VrrpState.MASTER, takeoverReason, now, out);
    }
  }

  private void onReconfigured(VrrpEvent.Reconfigured reconfigured, long now, List<VrrpAction> out) {
    VrrpSettings next = reconfigured.settings();
    if (next.vrid() != settings.vrid() || next.version() != settings.version()) {
      throw new IllegalArgumentException("a reload cannot change the VRID or version of a running instance");
    }
    settings = next;
    priority = reconfigured.effectivePriority();
    if (state == VrrpState.MASTER) {
      masterAdverIntervalCentis = settings.advertIntervalCentis();
      out.add(new SendAdvert(priority));
      armAdverTimer(now);
    } else if (state == VrrpState.BACKUP && settings.version() == 2) {
      masterAdverIntervalCentis = settings.advertIntervalCentis(); // v2 backups time out on their own interval
    }
  }

  private void onPriorityChanged(int newPriority, long now, List<VrrpAction> out) {
    if (newPriority == priority) {
      return;
    }
    priority = newPriority;
    if (state == VrrpState.MASTER) {
      // tell the backups now rather than up to one interval later
      out.add(new SendAdvert(priority));
      armAdverTimer(now);
    }
    // in Backup, Skew_Time and Master_Down_Interval use the new priority from the next reset
  }

  private void onAdvert(AdvertReceived advert, long now, List<VrrpAction> out) {
    String from = advert.source().getHostAddress();
    if (!state.isListening()) {
      out.add(new Dropped(DropReason.NOT_LISTENING, "in " + state + " from " + from));
    } else if (advert.vrid() != settings.vrid()) {
      out.add(new Dropped(DropReason.WRONG_VRID, "vrid " + advert.vrid() + " from " + from));
    } else if (advert.version() != settings.version()) {
      out.add(new Dropped(DropReason.VERSION_MISMATCH, "version " + advert.version() + " from " + from));
    } else if (advert.ttl() != AdvertReceived.TTL_UNKNOWN && advert.ttl() != TTL) {
      out.add(new Dropped(DropReason.BAD_TTL, "ttl " + advert.ttl() + " from " + from));
    } else if (advert.source().equals(settings.primaryAddress())) {
      out.add(new Dropped(DropReason.OWN_ADVERT, "from " + from));
    } else if (settings.version() == 2 && !settings.authMatches(advert.authType(), advert.authData())) {
      out.add(new Dropped(DropReason.AUTH_MISMATCH, "auth type " + advert.authType() + " from " + from));
    } else if (settings.version() == 2 && advert.intervalCentis() != settings.advertIntervalCentis()) {
      out.add(new Dropped(DropReason.INTERVAL_MISMATCH,
          "interval " + advert.intervalCentis() / VrrpTimers.CENTIS_PER_SECOND + " s from " + from));
    } else if (state == VrrpState.MASTER) {
      masterHears(advert, from, now, out);
    } else {
      backupHears(advert, from, now, out);
    }
  }

  /** RFC 5798 section 6.4.2, with fast preemption and preempt delay. */
  private void backupHears(AdvertReceived advert, String from, long now, List<VrrpAction> out) {
    if (advert.priority() > 0) {
      heardMaster = true;
      masterHeardAt = now;
    }
    if (advert.priority() == 0) {
      shortenMasterDownTimer(now, "priority-0 advert from " + from);
    } else if (advert.priority() >= priority || !preemptsNow(now)) {
      masterAdverIntervalCentis = advert.intervalCentis();
      currentMaster = advert.source();
      armMasterDownTimer(now);
    } else if (settings.strictRfc()) {
      takeoverReason = "preempting lower-priority master " + from;
      out.add(new Dropped(DropReason.LOWER_PRIORITY, "priority " + advert.priority() + " from " + from));
    } else {
      shortenMasterDownTimer(now, "preempting lower-priority master " + from);
    }
  }

  /** RFC 5798 section 6.4.3, plus the re-announce on hearing a losing master. */
  private void masterHears(AdvertReceived advert, String from, long now, List<VrrpAction> out) {
    if (advert.priority() == 0) {
      out.add(new SendAdvert(priority));
      armAdverTimer(now);
      return;
    }
    String lostTo = null;
    if (advert.priority() > priority) {
      lostTo = "higher-priority advert from " + from;
    } else if (advert.priority() == priority
        && PrimaryAddressOrder.compare(advert.source(), settings.primaryAddress()) > 0) {
      lostTo = "equal-priority advert from higher address " + from;
    }
    if (lostTo != null) {
      masterAdverIntervalCentis = advert.intervalCentis();
      currentMaster = advert.source();
      changeState(VrrpState.BACKUP, lostTo, now, out);
    } else {
      out.add(new SendAdvert(priority));
      out.add(new Announce());
      armAdverTimer(now);
      reannouncePending = true;
      quietSince = now;
    }
  }

  private void changeState(VrrpState to, String reason, long now, List<VrrpAction> out) {
    changeState(to, reason, false, now, out);
  }

  /**
   * The only place the state changes: leave the old state, enter the new one, then report it. A
   * master leaving resigns (priority 0), or when it yields to a better master it heard sends one last
   * advert at its own priority (the winner, hearing a losing master, re-announces: keepalived's masters do
   * the same), then drops its addresses; entering Master configures the addresses, then follows RFC 5798 section 6.4.2: advert
   * first (so a live old master yields before our gratuitous ARPs reach anyone), announce, timer. A
   * master that {@code resigns} into Backup enters it as from Initialize: no master known yet.
   */
  private void changeState(VrrpState to, String reason, boolean resigns, long now, List<VrrpAction> out) {
    VrrpState from = state;
    boolean yieldsToHeardMaster = from == VrrpState.MASTER && to == VrrpState.BACKUP && !resigns;
    if (from == VrrpState.MASTER) {
      // resigning: priority 0. Yielding: one last advert at our priority, so that the winner hears it lost
      // to us and re-announces; after a healed partition clients may still point at us
      out.add(new SendAdvert(yieldsToHeardMaster ? priority : 0));
      out.add(new RemoveVips());
    }
    state = to;
    timerArmed = false;
    takeoverReason = MASTER_DOWN_EXPIRED;
    reannouncePending = false;
    switch (to) {
      case MASTER -> {
        currentMaster = null;
        out.add(new AddVips());
        out.add(new SendAdvert(priority));
        out.add(new Announce());
        armAdverTimer(now);
        if (heardMaster && now - masterHeardAt < masterDownInterval().toNanos()) {
          reannouncePending = true;
          quietSince = now;
        }
      }
      case BACKUP -> {
        if (!yieldsToHeardMaster) {
          // RFC 5798 section 6.4.1: start from our own interval until a master is heard
          masterAdverIntervalCentis = settings.advertIntervalCentis();
          currentMaster = null;
          preemptAllowedAt = now + settings.preemptDelay().toNanos();
        }
        armMasterDownTimer(now);
      }
      default -> currentMaster = null;
    }
    out.add(new StateChanged(from, to, reason));
  }

  private boolean isOwner() {
    return priority == VrrpConstants.OWNER_PRIORITY;
  }

  /** Preempt_Mode, always true for the owner (RFC 5798 section 6.1), held back by the preempt delay. */
  private boolean preemptsNow(long now) {
    return (settings.preempt() || isOwner()) && now - preemptAllowedAt >= 0;
  }

  private void armAdverTimer(long now) {
    arm(now + VrrpTimers.centis(settings.advertIntervalCentis()).toNanos());
  }

  private void armMasterDownTimer(long now) {
    arm(now + masterDownInterval().toNanos());
    takeoverReason = MASTER_DOWN_EXPIRED;
  }

  /** Master_Down_Timer = Skew_Time, unless it would fire sooner anyway. */
  private void shortenMasterDownTimer(long now, String reason) {
    long skewDeadline = now + skewTime().toNanos();
    if (!timerArmed || skewDeadline - timerDeadline < 0) {
      arm(skewDeadline);
      takeoverReason = reason;
    }
  }

  private void arm(long deadline) {
    timerArmed = true;
    timerDeadline = deadline;
  }

  private Duration skewTime() {
    return VrrpTimers.skewTime(settings.version(), priority, masterAdverIntervalCentis);
  }

  private Duration quietPeriod() {
    return VrrpTimers.centis(settings.advertIntervalCentis()).multipliedBy(QUIET_ADVERTS);
  }

  private Duration masterDownInterval() {
    return VrrpTimers.masterDownInterval(settings.version(), priority, masterAdverIntervalCentis);
  }
}
