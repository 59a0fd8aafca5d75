package io.vipd.lab;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A MariaDB primary (binary log, server-id 1) and a read-only replica (server-id 2) replicating from it with
 * {@code CHANGE MASTER TO ... START SLAVE}. Both start from the same data template, so the replica needs no
 * initial copy; statements run on the primary afterwards (including {@code createUser}) reach the replica.
 */
public final class MariaDbReplicaPair implements AutoCloseable {

  /** How long {@link #awaitReplicating()} and {@link #awaitCaughtUp()} wait. */
  public static final Duration DEADLINE = Duration.ofSeconds(30);

  private static final String REPLICATION_USER = "vipd_repl";
  private static final String REPLICATION_PASSWORD = "repl-secret";

  private final MariaDbServer primary;
  private final MariaDbServer replica;

  private MariaDbReplicaPair(MariaDbServer primary, MariaDbServer replica) {
    this.primary = primary;
    this.replica = replica;
  }

  /** Starts both servers on loopback and waits until the replica's IO and SQL threads run. */
  public static MariaDbReplicaPair start() {
    return start(MariaDbOptions.defaults(), MariaDbOptions.defaults());
  }

  /**
   * Starts the primary with {@code primaryOptions} and the replica with {@code replicaOptions} (the replica
   * connects to the primary's bind address, so in namespaces they must route to each other).
   */
  public static MariaDbReplicaPair start(MariaDbOptions primaryOptions, MariaDbOptions replicaOptions) {
    MariaDbServer primary = MariaDbServer.start(primaryOptions.withArgs("--server-id=1", "--log-bin=binlog",
        "--binlog-format=ROW"));
    MariaDbServer replica = null;
    try {
      replica = MariaDbServer.start(replicaOptions.withArgs("--server-id=2", "--relay-log=relay", "--read-only=1"));
      // not written to the binary log: the replica must not replay its own account
      primary.sql("SET sql_log_bin=0; CREATE USER '" + REPLICATION_USER + "'@'%' IDENTIFIED BY '"
          + REPLICATION_PASSWORD + "'; GRANT REPLICATION SLAVE ON *.* TO '" + REPLICATION_USER + "'@'%';");
      replica.sql("CHANGE MASTER TO MASTER_HOST='" + primary.host() + "', MASTER_PORT=" + primary.port()
          + ", MASTER_USER='" + REPLICATION_USER + "', MASTER_PASSWORD='" + REPLICATION_PASSWORD
          + "', MASTER_CONNECT_RETRY=1; START SLAVE;");
      MariaDbReplicaPair pair = new MariaDbReplicaPair(primary, replica);
      pair.awaitReplicating();
      return pair;
    } catch (RuntimeException | Error e) {
      if (replica != null) {
        replica.stop();
      }
      primary.stop();
      throw e;
    }
  }

  public MariaDbServer primary() {
    return primary;
  }

  public MariaDbServer replica() {
    return replica;
  }

  /** The replica's {@code SHOW SLAVE STATUS} as column name to value ({@code NULL} for SQL nulls). */
  public Map<String, String> replicaStatus() {
    return replica.firstRow("SHOW SLAVE STATUS");
  }

  /** Makes the replica apply each event {@code delay} after the primary wrote it ({@code MASTER_DELAY}). */
  public void setDelay(Duration delay) {
    replica.sql("STOP SLAVE; CHANGE MASTER TO MASTER_DELAY=" + delay.toSeconds() + "; START SLAVE;");
    awaitReplicating();
  }

  public void stopSqlThread() {
    replica.sql("STOP SLAVE SQL_THREAD");
  }

  public void startSqlThread() {
    replica.sql("START SLAVE SQL_THREAD");
  }

  /** Waits until both replication threads run. */
  public void awaitReplicating() {
    awaitStatus("IO and SQL threads running", s -> "Yes".equals(s.get("Slave_IO_Running"))
        && "Yes".equals(s.get("Slave_SQL_Running")));
  }

  /** Waits until the replica has applied everything the primary wrote so far. */
  public void awaitCaughtUp() {
    String position = primary.sql("SELECT @@gtid_binlog_pos");
    awaitStatus("replica at GTID " + position,
        s -> position.equals(replica.sql("SELECT @@gtid_slave_pos")) && "0".equals(s.get("Seconds_Behind_Master")));
  }

  private void awaitStatus(String what, Predicate<Map<String, String>> condition) {
    Awaitility.await("replica " + what).atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
        .until(this::replicaStatus, condition::test);
  }

  /** Stops both servers and deletes their files. */
  @Override
  public void close() {
    try {
      replica.stop();
    } finally {
      primary.stop();
    }
  }
}
