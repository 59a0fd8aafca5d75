package io.vipd.plugins.check.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vipd.api.CheckStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReplicationStatusTest {

  private static final Duration DEGRADED = Duration.ofSeconds(5);
  private static final Duration MAX = Duration.ofSeconds(30);

  @Test
  void readsMysql8ColumnNames() {
    ReplicationStatus status = ReplicationStatus.from(Map.<String, Object>of("Replica_IO_Running", "Yes",
        "Replica_SQL_Running", "Yes", "Seconds_Behind_Source", 7L, "Last_IO_Error", "", "Last_SQL_Error", "")::get);

    assertThat(status).isEqualTo(new ReplicationStatus(true, true, 7L, ""));
  }

  @Test
  void readsMariaDbColumnNamesWithNullLag() {
    Map<String, Object> row = new HashMap<>(Map.of("Slave_IO_Running", "Yes", "Slave_SQL_Running", "No",
        "Last_SQL_Error", "Error 'Duplicate entry' on query"));
    row.put("Seconds_Behind_Master", null);

    assertThat(ReplicationStatus.from(row::get))
        .isEqualTo(new ReplicationStatus(true, false, null, "Error 'Duplicate entry' on query"));
  }

  @Test
  void rowWithoutReplicationColumnsIsRejected() {
    assertThatThrownBy(() -> ReplicationStatus.from(Map.<String, Object>of("Foo", "Yes")::get))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "io={0} sql={1} lag={2} -> {3}")
  @CsvSource(nullValues = "NULL", value = {
      "true,  true,  0,    UP,       replication lag 0s",
      "true,  true,  5,    UP,       replication lag 5s",
      "true,  true,  6,    DEGRADED, replication lag 6s above degraded-lag 5s",
      "true,  true,  30,   DEGRADED, replication lag 30s above degraded-lag 5s",
      "true,  true,  31,   DOWN,     replication lag 31s above max-lag 30s",
      "true,  true,  NULL, DOWN,     replication lag unknown (Seconds_Behind is NULL)",
      "false, true,  0,    DOWN,     replication IO thread not running",
      "true,  false, NULL, DOWN,     replication SQL thread not running",
      "false, false, NULL, DOWN,     replication IO and SQL threads not running"})
  void judgesThreadsThenLag(boolean io, boolean sql, Long lag, CheckStatus expected, String message) {
    Finding finding = new ReplicationStatus(io, sql, lag, "").judge(DEGRADED, MAX);

    assertThat(finding).isEqualTo(new Finding(expected, message));
  }

  @Test
  void withoutDegradedLagOnlyMaxLagCounts() {
    assertThat(new ReplicationStatus(true, true, 29L, "").judge(null, MAX).status()).isEqualTo(CheckStatus.UP);
  }
}
