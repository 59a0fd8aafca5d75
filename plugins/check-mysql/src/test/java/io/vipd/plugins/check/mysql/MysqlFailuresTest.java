package io.vipd.plugins.check.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.mysqlclient.MySQLException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MysqlFailuresTest {

  private static final String TARGET = "10.99.0.5:3306";

  @Test
  void deadServerFailuresNameTheTarget() {
    assertThat(MysqlFailures.describe(new ConnectException("Connection refused: /10.99.0.5:3306"), TARGET))
        .isEqualTo("connection refused by 10.99.0.5:3306");
    assertThat(MysqlFailures.describe(new ConnectTimeoutException("connection timed out"), TARGET))
        .isEqualTo("connect to 10.99.0.5:3306 timed out");
  }

  @Test
  void liveServerRefusalsAreDistinctFromDeadServers() {
    assertThat(MysqlFailures.describe(new MySQLException("Access denied for user 'u'", 1045, "28000"), TARGET))
        .startsWith("authentication failed (1045");
    assertThat(MysqlFailures.describe(new RuntimeException(new MySQLException("Too many connections", 1040, "08004")),
        TARGET)).startsWith("too many connections");
    assertThat(MysqlFailures.describeServerError(new MySQLException("The table is full", 1114, "HY000")))
        .startsWith("write failed: disk or table full");
  }
}
