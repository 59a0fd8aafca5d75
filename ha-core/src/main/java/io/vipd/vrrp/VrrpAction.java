package io.vipd.vrrp;

import java.util.Objects;

/**
 * What the driver must do after {@link VrrpStateMachine#handle}, in list order. The state machine has
 * already updated its own timers; the driver only re-arms one timer at
 * {@link VrrpStateMachine#nextDeadline()}.
 */
public sealed interface VrrpAction {

  /**
   * Send one advert now with this priority and our configured interval (0: we resign, RFC 5798
   * section 6.4.3 on Shutdown).
   */
  record SendAdvert(int priority) implements VrrpAction {}

  /** Configure the virtual addresses on the interface (idempotent). */
  record AddVips() implements VrrpAction {}

  /** Remove the virtual addresses from the interface (idempotent). */
  record RemoveVips() implements VrrpAction {}

  /**
   * Send gratuitous ARP (IPv4) / unsolicited Neighbor Advertisements (IPv6) for every virtual address
   * now; the driver owns the schedule of repeats that follow.
   */
  record Announce() implements VrrpAction {}

  /**
   * One more round of gratuitous ARP / unsolicited NA now, outside the schedule: a new master that took
   * over from a live master repairs what the old one may have announced before it heard us.
   */
  record Reannounce() implements VrrpAction {}

  /**
   * The state changed; always the last action of its batch, after the internal work (the notify
   * hook).
   *
   * @param reason human text for notifications and logs, e.g. {@code master-down timer expired}
   */
  record StateChanged(VrrpState from, VrrpState to, String reason) implements VrrpAction {
    public StateChanged {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A received advert was ignored: count it, log it at debug.
   *
   * @param detail human text, e.g. {@code vrid 52 from 10.0.0.2}
   */
  record Dropped(DropReason reason, String detail) implements VrrpAction {
    public Dropped {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
