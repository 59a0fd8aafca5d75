package io.vipd.lab;

import io.vipd.testkit.Environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The throwaway MariaDB harness itself: start, SQL, pause, restart, cleanup, replication. */
class MariaDbServerIT {

  @Test
  void serverStartsAnswersSqlAndLeavesNothingBehindWhenStopped() throws Exception {
    Path dir;
    long pid;
    Environment.requireMariaDb();
    try (MariaDbServer db = MariaDbServer.start()) {
      dir = db.dir();
      pid = db.pid();
      db.createUser("probe", "pw", "SELECT ON *.*");
      assertThat(db.sql("SELECT COUNT(*) FROM mysql.user WHERE user='probe'")).isEqualTo("1");
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(db.host(), db.port()), 2000);
        assertThat(socket.isConnected()).isTrue();
      }
    }
    assertThat(Files.exists(dir)).isFalse();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
  }

  @Test
  void pausedServerAnswersNothingUntilResumedAndKilledServerRestartsWithItsData() {
    Environment.requireMariaDb();
    try (MariaDbServer db = MariaDbServer.start()) {
      db.sql("CREATE DATABASE kept");
      db.pause();
      assertThatThrownBy(() -> db.sql("SELECT 1")).isInstanceOf(IllegalStateException.class);
      db.resume();
      assertThat(db.sql("SELECT 1")).isEqualTo("1");
      db.kill();
      db.restart();
      assertThat(db.sql("SHOW DATABASES LIKE 'kept'")).isEqualTo("kept");
    }
  }

  @Test
  void replicaAppliesWhatThePrimaryWrites() {
    Environment.requireMariaDb();
    try (MariaDbReplicaPair pair = MariaDbReplicaPair.start()) {
      pair.primary().sql("CREATE DATABASE app; CREATE TABLE app.t (i INT PRIMARY KEY); INSERT INTO app.t VALUES (7)");
      pair.awaitCaughtUp();
      assertThat(pair.replica().sql("SELECT i FROM app.t")).isEqualTo("7");
      assertThat(pair.replica().sql("SELECT @@read_only")).isEqualTo("1");
      assertThat(pair.replicaStatus()).containsEntry("Slave_SQL_Running", "Yes").containsKey("Seconds_Behind_Master");
      pair.setDelay(Duration.ofSeconds(30));
      assertThat(pair.replicaStatus()).containsEntry("SQL_Delay", "30");
    }
  }
}
