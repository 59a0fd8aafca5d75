package io.vipd.plugins.check.mysql;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import io.vipd.api.HealthCheck;
import io.vipd.api.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * Probes a MySQL or MariaDB server over a fresh connection each time: liveness, {@code read_only} against the
 * role, replication threads and lag, and optionally a heartbeat write. The whole probe is bounded by
 * {@link MysqlCheckConfig#deadline()}; when it runs out the probe is DOWN ("timed out") and its connection is
 * closed. Why fresh connections rather than a pool: see this module's README.
 */
public final class MysqlHealthCheck implements HealthCheck {

  /** Metric: how long the probe took, in seconds. */
  public static final String LATENCY_METRIC = "latency_seconds";
  /** Added to the first probe's deadline only; below the daemon's grace for first calls (5 s). */
  static final Duration FIRST_PROBE_GRACE = Duration.ofSeconds(4);
  /** Metric: the replica's lag in seconds, when replication is checked and the lag is known. */
  public static final String LAG_METRIC = "replication_lag_seconds";

  private final Vertx vertx;
  private final MysqlCheckConfig config;
  private final String nodeName;
  private final Logger logger;
  /** check() is never called twice at once, but each call may run on another worker thread. */
  private volatile boolean firstProbeDone;

  public MysqlHealthCheck(Vertx vertx, MysqlCheckConfig config, String nodeName, Logger logger) {
    this.vertx = vertx;
    this.config = config;
    this.nodeName = nodeName;
    this.logger = logger;
  }

  public MysqlCheckConfig config() {
    return config;
  }

  @Override
  public Future<CheckResult> check() {
    long started = System.nanoTime();
    Map<String, Double> metrics = new HashMap<>();
    // the first probe loads the MySQL client and Netty's channel classes into a cold JVM (2.4 s measured on a
    // loaded 2-vCPU machine): held to connect-timeout + query-timeout it reports a healthy server as hung at
    // every daemon start. The daemon gives the first call a longer grace (CheckRunner.STARTUP_GRACE).
    Duration deadline = firstProbeDone ? config.deadline() : config.deadline().plus(FIRST_PROBE_GRACE);
    firstProbeDone = true;
    Pool pool = newPool(deadline);
    Promise<List<Finding>> findings = Promise.promise();
    long deadlineTimer = vertx.setTimer(deadline.toMillis(), id -> findings.tryComplete(List.of(
        Finding.down("timed out after " + Durations.format(deadline) + " talking to " + config.target()
            + " (server hung or unreachable)"))));
    pool.withConnection(connection -> probe(connection, metrics)).onComplete(done -> findings.tryComplete(
        done.succeeded() ? done.result() : List.of(Finding.down(MysqlFailures.describe(done.cause(), config.target())))));
    return findings.future().map(found -> {
      vertx.cancelTimer(deadlineTimer);
      // closing the pool closes its connection even mid-query, so a hung probe leaves nothing behind
      pool.close().onFailure(e -> logger.debug("closing the probe connection failed", e));
      Duration latency = Duration.ofNanos(System.nanoTime() - started);
      metrics.put(LATENCY_METRIC, latency.toNanos() / 1e9);
      return verdict(found, latency).withMetrics(metrics);
    });
  }

  private Pool newPool(Duration deadline) {
    MySQLConnectOptions connect = new MySQLConnectOptions()
        .setHost(config.socket() != null ? config.socket() : config.host())
        .setPort(config.port())
        .setUser(config.user())
        .setPassword(config.password())
        .setReconnectAttempts(0)
        .setCachePreparedStatements(false);
    if (config.database() != null) {
      connect.setDatabase(config.database());
    }
    NetClientOptions net = new NetClientOptions()
        .setConnectTimeout((int) config.connectTimeout().toMillis())
        // a second line of defence: a socket silent for longer than the probe may last is closed by Vert.x
        .setIdleTimeout((int) deadline.plusSeconds(1).toMillis())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    PoolOptions pool = new PoolOptions()
        .setMaxSize(1)
        .setConnectionTimeout((int) deadline.toMillis())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
    return MySQLBuilder.pool().with(pool).with(net).connectingTo(connect).using(vertx).build();
  }

  /** Role, then replication, then heartbeat; stops at the first DOWN. */
  private Future<List<Finding>> probe(SqlConnection connection, Map<String, Double> metrics) {
    List<Finding> found = new ArrayList<>();
    return connection.query("SELECT @@global.read_only").execute()
        .map(rows -> found.add(judgeRole(rows)))
        .compose(x -> isDown(found) || !config.checksReplication()
            ? Future.succeededFuture(true) : replication(connection, metrics).map(found::add))
        .compose(x -> isDown(found) || config.heartbeatTable() == null
            ? Future.succeededFuture(true) : heartbeat(connection).map(found::add))
        .map(x -> found);
  }

  private Finding judgeRole(RowSet<Row> rows) {
    boolean readOnly = asLong(rows.iterator().next().getValue(0)) != 0;
    String state = "read_only=" + (readOnly ? 1 : 0);
    return config.role().acceptsReadOnly(readOnly)
        ? Finding.up(state)
        : Finding.down(state + " but role is " + config.role().yamlName());
  }

  private Future<Finding> replication(SqlConnection connection, Map<String, Double> metrics) {
    return connection.query("SHOW REPLICA STATUS").execute()
        .recover(e -> e instanceof MySQLException m && m.getErrorCode() == MysqlFailures.PARSE_ERROR
            // MySQL before 8.0.22 and MariaDB before 10.5.1 only know the old name
            ? connection.query("SHOW SLAVE STATUS").execute()
            : Future.failedFuture(e))
        .map(rows -> {
          if (rows.size() == 0) {
            return Finding.down("not a replica: replication is not configured");
          }
          Row row = rows.iterator().next();
          ReplicationStatus status = ReplicationStatus.from(name -> {
            int index = row.getColumnIndex(name);
            return index < 0 ? null : row.getValue(index);
          });
          if (status.lagSeconds() != null) {
            metrics.put(LAG_METRIC, status.lagSeconds().doubleValue());
          }
          return status.judge(config.degradedLag(), config.maxLag());
        });
  }

  private Future<Finding> heartbeat(SqlConnection connection) {
    return connection.preparedQuery("INSERT INTO " + config.quotedHeartbeatTable()
            + " (node, ts) VALUES (?, NOW(6)) ON DUPLICATE KEY UPDATE ts = NOW(6)")
        .execute(Tuple.of(nodeName))
        .map(done -> Finding.up("heartbeat written"))
        .recover(e -> e instanceof MySQLException m
            ? Future.succeededFuture(Finding.down("heartbeat " + MysqlFailures.describeServerError(m)))
            : Future.failedFuture(e));
  }

  private CheckResult verdict(List<Finding> found, Duration latency) {
    Finding worst = found.stream().reduce(Finding::worst).orElseThrow();
    if (worst.status() == CheckStatus.UP && config.degradedLatency() != null
        && latency.compareTo(config.degradedLatency()) > 0) {
      worst = Finding.degraded("slow: " + Durations.format(latency) + " above degraded-latency "
          + Durations.format(config.degradedLatency()));
      return new CheckResult(CheckStatus.DEGRADED, worst.message(), latency, Map.of());
    }
    CheckStatus status = worst.status();
    String message = found.stream().filter(f -> f.status() == status).map(Finding::message)
        .collect(Collectors.joining("; "));
    return new CheckResult(status, message, latency, Map.of());
  }

  private static boolean isDown(List<Finding> found) {
    return found.stream().anyMatch(f -> f.status() == CheckStatus.DOWN);
  }

  private static long asLong(Object value) {
    return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
  }
}
