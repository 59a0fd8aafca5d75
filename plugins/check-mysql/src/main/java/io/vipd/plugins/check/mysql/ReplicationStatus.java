package io.vipd.plugins.check.mysql;

import io.vipd.api.Durations;
import java.time.Duration;
import java.util.function.Function;

/**
 * The part of a replica's status the check judges, read from {@code SHOW REPLICA STATUS} or {@code SHOW SLAVE
 * STATUS}. MySQL 8.0.22+ names the columns {@code Replica_IO_Running}, {@code Replica_SQL_Running},
 * {@code Seconds_Behind_Source}; MariaDB and older MySQL use {@code Slave_*} and {@code Seconds_Behind_Master}
 * in both statements. Whichever the result has is used.
 *
 * @param ioRunning whether the IO thread runs ({@code Yes}; {@code Connecting} counts as not running)
 * @param sqlRunning whether the SQL thread runs
 * @param lagSeconds seconds behind the primary, or null when the server does not know (SQL thread stopped,
 *     IO thread disconnected)
 * @param lastError the last IO or SQL error text, empty when none
 */
public record ReplicationStatus(boolean ioRunning, boolean sqlRunning, Long lagSeconds, String lastError) {

  /**
   * Reads a status row through {@code column}, which returns a column's value or null when the row has no such
   * column (or the value is SQL NULL).
   *
   * @throws IllegalArgumentException when neither naming of the running columns is present
   */
  public static ReplicationStatus from(Function<String, Object> column) {
    Object io = first(column, "Replica_IO_Running", "Slave_IO_Running");
    Object sql = first(column, "Replica_SQL_Running", "Slave_SQL_Running");
    if (io == null || sql == null) {
      throw new IllegalArgumentException("the replica status has no IO/SQL running columns");
    }
    Object lag = first(column, "Seconds_Behind_Source", "Seconds_Behind_Master");
    String ioError = text(first(column, "Last_IO_Error"));
    String sqlError = text(first(column, "Last_SQL_Error"));
    return new ReplicationStatus("Yes".equalsIgnoreCase(text(io)), "Yes".equalsIgnoreCase(text(sql)),
        lag == null || text(lag).isEmpty() ? null : Long.valueOf(text(lag)),
        !sqlError.isEmpty() ? sqlError : ioError);
  }

  /**
   * Judges this status: DOWN unless both threads run, DOWN when the lag is unknown or above {@code maxLag},
   * DEGRADED above {@code degradedLag} (may be null), else UP.
   */
  Finding judge(Duration degradedLag, Duration maxLag) {
    if (!ioRunning || !sqlRunning) {
      String which = !ioRunning && !sqlRunning ? "IO and SQL threads" : !ioRunning ? "IO thread" : "SQL thread";
      return Finding.down("replication " + which + " not running" + (lastError.isEmpty() ? "" : ": " + lastError));
    }
    if (lagSeconds == null) {
      return Finding.down("replication lag unknown (Seconds_Behind is NULL)");
    }
    String lag = "replication lag " + lagSeconds + "s";
    if (lagSeconds > maxLag.toSeconds()) {
      return Finding.down(lag + " above max-lag " + Durations.format(maxLag));
    }
    if (degradedLag != null && lagSeconds > degradedLag.toSeconds()) {
      return Finding.degraded(lag + " above degraded-lag " + Durations.format(degradedLag));
    }
    return Finding.up(lag);
  }

  private static Object first(Function<String, Object> column, String... names) {
    for (String name : names) {
      Object value = column.apply(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }
}
