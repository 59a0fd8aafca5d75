package io.vipd.http;

import io.vipd.api.CheckStatus;
import io.vipd.notify.NotifierStats;
import io.vipd.vrrp.DropReason;
import io.vipd.vrrp.VrrpState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Status snapshots for the rendering tests: a master with one tracked check and a webhook notifier. */
final class StatusFixtures {
  private StatusFixtures() {}

  static InstanceStatus master(String name) {
    return new InstanceStatus(name, "eth0", 51, 3, VrrpState.MASTER, 150, 130, Optional.of("10.99.0.11"),
        Optional.empty(), false, List.of("10.99.0.10/24"), Duration.ofMillis(1000), 42, 2, 7,
        Map.of(DropReason.WRONG_VRID, 3L), "multicast 224.0.0.18 on eth0", Map.of("bad-hmac", 2L),
        Map.of(VrrpState.BACKUP, 1L, VrrpState.MASTER, 1L));
  }

  static DaemonStatus sample() {
    return new DaemonStatus("n1", "0.1.0", Duration.ofSeconds(90), List.of(master("vi_1")),
        List.of(new CheckState("mysql-local", "mysql", CheckStatus.DEGRADED, "replication lag 42 s",
            Optional.of(Duration.ofMillis(12)))),
        List.of(new NotifierStats("ops-webhook", 5, 2, 0, 1, 0, 0, 3, true)));
  }
}
