package io.vipd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vipd.config.ApiConfig;
import io.vipd.http.ApiBackend;
import io.vipd.http.ApiServer;
import io.vipd.http.CheckState;
import io.vipd.http.DaemonStatus;
import io.vipd.http.InstanceStatus;
import io.vipd.api.CheckStatus;
import io.vipd.vrrp.VrrpState;
import io.vertx.core.Future;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StatusCommandTest {
  private final Vertx vertx = Vertx.vertx();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new VipdCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private int serve(DaemonStatus status) throws Exception {
    ApiBackend backend = new ApiBackend() {
      @Override
      public DaemonStatus status() {
        return status;
      }

      @Override
      public boolean hasInstance(String name) {
        return false;
      }

      @Override
      public Future<Boolean> setMaintenance(String instance, boolean enabled) {
        return Future.succeededFuture(true);
      }

      @Override
      public Future<Boolean> failover(String instance) {
        return Future.succeededFuture(false);
      }
    };
    return ApiServer.start(vertx, new ApiConfig("127.0.0.1", 0, Optional.empty()), backend)
        .await(5, TimeUnit.SECONDS).port();
  }

  private static InstanceStatus instance(String name, VrrpState state, int effective, String master, String fault) {
    return new InstanceStatus(name, "eth0", 51, 3, state, 150, effective, Optional.ofNullable(master),
        Optional.ofNullable(fault), false, List.of("10.99.0.10/24"), Duration.ofSeconds(1), 1, 0, 1, Map.of(),
        "multicast", Map.of(), Map.of());
  }

  @Test
  void printsOneLinePerInstanceWithStatePriorityVipsAndMaster() throws Exception {
    int port = serve(new DaemonStatus("n1", "0.1.0", Duration.ofSeconds(3725), List.of(
        instance("web", VrrpState.MASTER, 150, "10.99.0.11", null),
        instance("db", VrrpState.BACKUP, 130, "10.99.0.12", null),
        instance("cache", VrrpState.FAULT, 150, null, "maintenance")),
        List.of(new CheckState("mysql", "mysql", CheckStatus.UP, "ok", Optional.of(Duration.ofMillis(3)))),
        List.of()));

    int exit = run("status", "--url", "http://127.0.0.1:" + port);

    assertThat(exit).isZero();
    assertThat(out.toString()).isEqualTo("""
        node n1, vipd 0.1.0, up 1h02m
        INSTANCE  STATE                PRIORITY        VIPS           MASTER
        web       MASTER               150             10.99.0.10/24  10.99.0.11 (this node)
        db        BACKUP               130 (base 150)  10.99.0.10/24  10.99.0.12
        cache     FAULT (maintenance)  150             10.99.0.10/24  -

        CHECK  TYPE   STATUS  LATENCY  MESSAGE
        mysql  mysql  UP      3 ms     ok
        """);
  }

  @Test
  void jsonPrintsTheDaemonsDocument() throws Exception {
    int port = serve(new DaemonStatus("n1", "dev", Duration.ZERO,
        List.of(instance("web", VrrpState.MASTER, 150, "10.99.0.11", null)), List.of(), List.of()));

    int exit = run("status", "--json", "--url", "http://127.0.0.1:" + port + "/");

    assertThat(exit).isZero();
    assertThat(new JsonObject(out.toString()).getJsonArray("instances").getJsonObject(0).getString("state"))
        .isEqualTo("MASTER");
  }

  @Test
  void theUrlComesFromTheConfigurationsApiListen(@TempDir Path dir) throws Exception {
    int port = serve(new DaemonStatus("from-config", "dev", Duration.ZERO, List.of(), List.of(), List.of()));
    Path config = dir.resolve("vipd.yaml");
    Files.writeString(config, """
        api:
          listen: 127.0.0.1:%d
          token: ${env:VIPD_TEST_TOKEN_THAT_IS_NOT_SET}
        instances:
          - name: web
            interface: eth0
            vrid: 51
            priority: 150
            vips: [10.99.0.10/24]
        """.formatted(port));

    int exit = run("status", "-c", config.toString());

    assertThat(err.toString()).isEmpty();
    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("node from-config, vipd dev");
  }

  @Test
  void anUnreachableDaemonIsExitOneWithASentence() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }

    int exit = run("status", "--url", "http://127.0.0.1:" + port);

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).startsWith("vipd: cannot reach the vipd API at http://127.0.0.1:" + port + "/status")
        .contains("Is the daemon running");
  }
}
