package io.vipd.plugins.check.mysql;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * Turns what went wrong in a probe into a short message that tells an operator which kind of failure it is:
 * a dead server (refused, timed out), a live one refusing us (authentication, too many connections), or a
 * live one that cannot write.
 */
final class MysqlFailures {

  /** Server error codes (MySQL/MariaDB {@code ER_*}) that need their own words. */
  static final int TOO_MANY_CONNECTIONS = 1040;
  static final int ACCESS_DENIED = 1045;
  static final int DATABASE_ACCESS_DENIED = 1044;
  static final int UNKNOWN_DATABASE = 1049;
  static final int DISK_FULL = 1021;
  static final int TABLE_FULL = 1114;
  static final int READ_ONLY = 1290;
  static final int READ_ONLY_TRANSACTION = 1792;
  static final int PARSE_ERROR = 1064;

  private MysqlFailures() {}

  /** What {@code failure} means, mentioning {@code target} where the address matters. */
  static String describe(Throwable failure, String target) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof MySQLException e) {
        return describeServerError(e);
      }
      if (t instanceof ConnectTimeoutException) {
        return "connect to " + target + " timed out";
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        String why = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (why.contains("refused")) {
          return "connection refused by " + target;
        }
        if (why.contains("no such file")) {
          return "no server socket at " + target;
        }
        return "cannot connect to " + target + ": " + t.getMessage();
      }
      if (t instanceof UnknownHostException) {
        return "unknown host in " + target;
      }
      if (t instanceof ClosedConnectionException) {
        return "connection to " + target + " closed by the server";
      }
    }
    return "error: " + failure;
  }

  /** What a server error means; also used for the heartbeat write. */
  static String describeServerError(MySQLException e) {
    String detail = " (" + e.getErrorCode() + ": " + e.getMessage() + ")";
    return switch (e.getErrorCode()) {
      case ACCESS_DENIED -> "authentication failed" + detail;
      case DATABASE_ACCESS_DENIED -> "access to the database denied" + detail;
      case UNKNOWN_DATABASE -> "unknown database" + detail;
      case TOO_MANY_CONNECTIONS -> "too many connections: the server is up but refuses new clients" + detail;
      case READ_ONLY, READ_ONLY_TRANSACTION -> "write refused: the server is read-only" + detail;
      case DISK_FULL, TABLE_FULL -> "write failed: disk or table full" + detail;
      default -> "server error" + detail;
    };
  }
}
