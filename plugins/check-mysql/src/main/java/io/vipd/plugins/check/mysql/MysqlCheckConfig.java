package io.vipd.plugins.check.mysql;

import io.vertx.core.json.JsonObject;
import io.vipd.api.Durations;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginConfigException.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The validated configuration of one {@code type: mysql} check.
 *
 * @param host server host name or address (ignored when {@code socket} is set)
 * @param port server TCP port
 * @param socket path of the server's Unix socket, or null to use TCP
 * @param user account the check logs in with
 * @param password its password, secret references already resolved; never logged
 * @param database schema to select on connect, or null
 * @param connectTimeout bound on TCP connect plus the MySQL handshake
 * @param queryTimeout bound on the queries once connected; the whole probe ends after both
 * @param role what {@code read_only} must say
 * @param replication whether replication threads and lag are checked (always for {@link Role#REPLICA})
 * @param degradedLag lag above which the check is DEGRADED, or null
 * @param maxLag lag above which the check is DOWN
 * @param degradedLatency probe time above which the check is DEGRADED, or null
 * @param heartbeatTable {@code table} or {@code schema.table} to upsert a (node, ts) row into, or null
 */
public record MysqlCheckConfig(
    String host,
    int port,
    String socket,
    String user,
    String password,
    String database,
    Duration connectTimeout,
    Duration queryTimeout,
    Role role,
    boolean replication,
    Duration degradedLag,
    Duration maxLag,
    Duration degradedLatency,
    String heartbeatTable) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 3306;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_MAX_LAG = Duration.ofSeconds(30);

  private static final Set<String> KEYS = Set.of("host", "port", "socket", "user", "password", "database",
      "connect-timeout", "query-timeout", "role", "replication", "degraded-lag", "max-lag", "degraded-latency",
      "heartbeat-table");
  /** An unquoted MySQL identifier, optionally schema-qualified; it is put into SQL, so nothing else passes. */
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_$]{1,64}(\\.[A-Za-z0-9_$]{1,64})?");

  /** The whole probe's bound: connect timeout plus query timeout. */
  public Duration deadline() {
    return connectTimeout.plus(queryTimeout);
  }

  /** Whether replication is checked. */
  public boolean checksReplication() {
    return replication || role == Role.REPLICA;
  }

  /** What the check connects to, for messages: {@code 127.0.0.1:3306} or the socket path. */
  public String target() {
    return socket != null ? socket : host + ":" + port;
  }

  /** The heartbeat table quoted for SQL ({@code `vipd`.`heartbeat`}). */
  String quotedHeartbeatTable() {
    return "`" + heartbeatTable.replace(".", "`.`") + "`";
  }

  @Override
  public String toString() {
    return "MysqlCheckConfig[" + user + "@" + target() + (database == null ? "" : "/" + database) + ", role "
        + role.yamlName() + (checksReplication() ? ", replication" : "") + "]";
  }

  /**
   * Validates {@code json} (the check's YAML mapping without the daemon's keys).
   *
   * @throws PluginConfigException listing every problem, each with its key
   */
  public static MysqlCheckConfig parse(JsonObject json) throws PluginConfigException {
    Reader in = new Reader(json);
    for (String key : json.fieldNames()) {
      if (!KEYS.contains(key)) {
        in.problems.add(new Problem(key, "unknown key; expected one of " + new java.util.TreeSet<>(KEYS)));
      }
    }
    String socket = in.string("socket", null);
    String host = in.string("host", null);
    if (socket != null && host != null) {
      in.problems.add(new Problem("socket", "set either host/port or socket, not both"));
    }
    if (socket != null && !socket.startsWith("/")) {
      in.problems.add(new Problem("socket", "must be an absolute path"));
    }
    int port = in.integer("port", DEFAULT_PORT);
    if (port < 1 || port > 65535) {
      in.problems.add(new Problem("port", "must be between 1 and 65535"));
    }
    String user = in.string("user", null);
    if (user == null || user.isEmpty()) {
      in.problems.add(new Problem("user", "is required"));
    }
    Duration connectTimeout = in.positiveDuration("connect-timeout", DEFAULT_CONNECT_TIMEOUT);
    Duration queryTimeout = in.positiveDuration("query-timeout", DEFAULT_QUERY_TIMEOUT);
    Role role = Role.ANY;
    String roleText = in.string("role", "any");
    if (roleText != null) {
      Optional<Role> parsed = Role.of(roleText);
      if (parsed.isPresent()) {
        role = parsed.get();
      } else {
        in.problems.add(new Problem("role", "must be primary, replica or any, not '" + roleText + "'"));
      }
    }
    boolean replication = in.bool("replication", false);
    Duration degradedLag = in.positiveDuration("degraded-lag", null);
    Duration maxLag = in.positiveDuration("max-lag", DEFAULT_MAX_LAG);
    if (degradedLag != null && maxLag != null && degradedLag.compareTo(maxLag) >= 0) {
      in.problems.add(new Problem("degraded-lag", "must be below max-lag (" + Durations.format(maxLag) + ")"));
    }
    if ((json.containsKey("degraded-lag") || json.containsKey("max-lag")) && !replication && role != Role.REPLICA) {
      in.problems.add(new Problem(json.containsKey("max-lag") ? "max-lag" : "degraded-lag",
          "lag is only checked with role: replica or replication: true"));
    }
    Duration degradedLatency = in.positiveDuration("degraded-latency", null);
    String heartbeatTable = in.string("heartbeat-table", null);
    if (heartbeatTable != null && !TABLE_NAME.matcher(heartbeatTable).matches()) {
      in.problems.add(new Problem("heartbeat-table", "must be a plain table or schema.table name (letters, digits, _ and $)"));
    }
    if (!in.problems.isEmpty()) {
      throw new PluginConfigException(in.problems);
    }
    return new MysqlCheckConfig(host == null ? DEFAULT_HOST : host, port, socket, user,
        in.string("password", ""), in.string("database", null), connectTimeout, queryTimeout, role, replication,
        degradedLag, maxLag, degradedLatency, heartbeatTable);
  }

  /** Typed reads of optional keys that collect problems instead of stopping at the first. */
  private static final class Reader {
    final JsonObject json;
    final List<Problem> problems = new ArrayList<>();

    Reader(JsonObject json) {
      this.json = json;
    }

    String string(String key, String fallback) {
      return read(key, fallback, "a string", v -> v instanceof String s ? s : null);
    }

    int integer(String key, int fallback) {
      return read(key, fallback, "a whole number",
          v -> v instanceof Integer || v instanceof Long ? ((Number) v).intValue() : null);
    }

    boolean bool(String key, boolean fallback) {
      return read(key, fallback, "true or false", v -> v instanceof Boolean b ? b : null);
    }

    Duration positiveDuration(String key, Duration fallback) {
      if (!json.containsKey(key)) {
        return fallback;
      }
      try {
        Duration d = Durations.parse(String.valueOf(json.getValue(key)));
        if (d.isZero()) {
          problems.add(new Problem(key, "must be above zero"));
        }
        return d;
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(key, e.getMessage()));
        return fallback;
      }
    }

    private <T> T read(String key, T fallback, String expected, Function<Object, T> convert) {
      Object value = json.getValue(key);
      if (value == null) {
        return fallback;
      }
      T converted = convert.apply(value);
      if (converted == null) {
        problems.add(new Problem(key, "must be " + expected));
        return fallback;
      }
      return converted;
    }
  }
}
