package io.vipd.vrrp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A test driver for {@link VrrpStateMachine} with a manual clock: {@link #advance} moves time forward
 * and delivers {@link VrrpEvent.TimerFired} at every deadline it passes, as a real driver's single
 * timer would. Times are reported relative to the driver's start.
 */
final class ManualDriver {

  /** An action and when (nanos since the driver started) the machine returned it. */
  record Timed(long atNanos, VrrpAction action) {
    Duration at() {
      return Duration.ofNanos(atNanos);
    }
  }

  final VrrpStateMachine machine;
  private final long origin;
  private long now;
  private final List<Timed> log = new ArrayList<>();

  ManualDriver(VrrpSettings settings) {
    this(settings, 7_000_000_000L);
  }

  ManualDriver(VrrpSettings settings, long startNanos) {
    this.machine = new VrrpStateMachine(settings);
    this.origin = startNanos;
    this.now = startNanos;
  }

  /** Delivers one event now; returns its actions. */
  List<VrrpAction> deliver(VrrpEvent event) {
    List<VrrpAction> actions = machine.handle(event, now);
    actions.forEach(a -> log.add(new Timed(now - origin, a)));
    return actions;
  }

  /** Moves time forward, firing every timer that falls due on the way; returns all their actions. */
  List<VrrpAction> advance(Duration step) {
    long target = now + step.toNanos();
    List<VrrpAction> fired = new ArrayList<>();
    OptionalLong deadline = machine.nextDeadline();
    while (deadline.isPresent() && deadline.getAsLong() - target <= 0) {
      if (deadline.getAsLong() - now > 0) {
        now = deadline.getAsLong(); // a deadline already in the past fires at once
      }
      fired.addAll(deliver(new VrrpEvent.TimerFired()));
      deadline = machine.nextDeadline();
    }
    now = target;
    return fired;
  }

  /** Time since the driver started. */
  Duration elapsed() {
    return Duration.ofNanos(now - origin);
  }

  /** Time from now to the machine's next deadline. */
  Duration untilDeadline() {
    return Duration.ofNanos(machine.nextDeadline().orElseThrow() - now);
  }

  /** Every action so far with its time. */
  List<Timed> log() {
    return List.copyOf(log);
  }

  /** The state changes so far with their times. */
  List<Timed> stateChanges() {
    return log.stream().filter(t -> t.action() instanceof VrrpAction.StateChanged).toList();
  }

  /** Time of the last state change. */
  Duration lastStateChangeAt() {
    List<Timed> changes = stateChanges();
    return changes.get(changes.size() - 1).at();
  }

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
