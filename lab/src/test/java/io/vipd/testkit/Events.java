package io.vipd.testkit;

import io.vipd.notify.HaEventFactory;

import io.vipd.api.CheckStatus;
import io.vipd.api.HaEvent;
import io.vipd.api.HaState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Events for tests, from a real {@link HaEventFactory} on a fixed clock (2025-03-01T12:00:00.250Z),
 * node {@code db1}, instance {@code db-vip} (VRID 51, priority 100, effective 90, 10.0.0.100/24).
 */
public final class Events {
  public static final HaEventFactory.InstanceFacts DB_VIP =
      new HaEventFactory.InstanceFacts("db-vip", 51, 100, 90, List.of("10.0.0.100/24"));

  private final HaEventFactory factory =
      new HaEventFactory(
          "db1", Clock.fixed(Instant.parse("2025-03-01T12:00:00.250Z"), ZoneOffset.UTC));

  public HaEvent masterElected() {
    return factory.stateChange(DB_VIP, HaState.BACKUP, HaState.MASTER, "master-down timer expired");
  }

  public HaEvent checkDown() {
    return factory.checkChange(
        "mysql-local", CheckStatus.DOWN, DB_VIP, "check mysql-local DOWN: connection refused");
  }

  /** Any state change, with a given reason. */
  public HaEvent stateChange(HaState from, HaState to, String reason) {
    return factory.stateChange(DB_VIP, from, to, reason);
  }
}
