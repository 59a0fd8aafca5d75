package io.vipd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vipd.api.CheckStatus;
import io.vipd.http.CheckState;
import io.vipd.http.DaemonStatus;
import io.vipd.http.InstanceStatus;
import io.vipd.vrrp.VrrpState;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
  private final List<RunningApi> servers = new ArrayList<>();

  @AfterEach
  void closeServers() throws Exception {
    for (RunningApi server : servers) {
      server.close();
    }
  }

  private RunningApi serve(DaemonStatus status) throws Exception {
    RunningApi api = RunningApi.start(status, Optional.empty());
    servers.add(api);
    return api;
  }

  static InstanceStatus instance(String name, VrrpState state, int effective, String master, String fault,
      boolean maintenance) {
    return new InstanceStatus(name, "eth0", 51, 3, state, 150, effective, Optional.ofNullable(master),
        Optional.ofNullable(fault), maintenance, List.of("10.99.0.10/24"), Duration.ofSeconds(1), 1, 0, 1,
        Map.of(), "multicast", Map.of(), Map.of());
  }

  @Test
  void printsOneLinePerInstanceWithStatePriorityVipsAndMaster() throws Exception {
    RunningApi api = serve(new DaemonStatus("n1", "0.1.0", Duration.ofSeconds(3725), List.of(
        instance("web", VrrpState.MASTER, 150, "10.99.0.11", null, false),
        instance("db", VrrpState.BACKUP, 130, "10.99.0.12", null, false),
        instance("cache", VrrpState.FAULT, 150, null, "link eth0 down", false)),
        List.of(new CheckState("mysql", "mysql", CheckStatus.UP, "ok", Optional.of(Duration.ofMillis(3)))),
        List.of()));

    CliRun run = CliRun.vipd("status", "--url", api.url());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("""
        node n1, vipd 0.1.0, up 1h02m
        INSTANCE  STATE                   PRIORITY        VIPS           MASTER
        web       MASTER                  150             10.99.0.10/24  10.99.0.11 (this node)
        db        BACKUP                  130 (base 150)  10.99.0.10/24  10.99.0.12
        cache     FAULT (link eth0 down)  150             10.99.0.10/24  -

        CHECK  TYPE   STATUS  LATENCY  MESSAGE
        mysql  mysql  UP      3 ms     ok
        """);
  }

  @Test
  void instancesInMaintenanceAreNamedUnderTheTable() throws Exception {
    RunningApi api = serve(new DaemonStatus("n1", "0.1.0", Duration.ofSeconds(5), List.of(
        instance("web", VrrpState.FAULT, 150, null, "maintenance", true),
        instance("db", VrrpState.BACKUP, 150, "10.99.0.12", null, false)), List.of(), List.of()));

    CliRun run = CliRun.vipd("status", "--url", api.url());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("""
        node n1, vipd 0.1.0, up 5s
        INSTANCE  STATE                PRIORITY  VIPS           MASTER
        web       FAULT (maintenance)  150       10.99.0.10/24  -
        db        BACKUP               150       10.99.0.10/24  10.99.0.12
        in maintenance: web (kept across restarts; `vipd maintenance INSTANCE off` ends it)
        """);
  }

  @Test
  void jsonPrintsTheDaemonsDocument() throws Exception {
    RunningApi api = serve(new DaemonStatus("n1", "dev", Duration.ZERO,
        List.of(instance("web", VrrpState.MASTER, 150, "10.99.0.11", null, false)), List.of(), List.of()));

    CliRun run = CliRun.vipd("status", "--json", "--url", api.url() + "/");

    assertThat(run.exitCode()).isZero();
    assertThat(new JsonObject(run.out()).getJsonArray("instances").getJsonObject(0).getString("state"))
        .isEqualTo("MASTER");
  }

  @Test
  void theUrlComesFromTheConfigurationsApiListen(@TempDir Path dir) throws Exception {
    RunningApi api = serve(new DaemonStatus("from-config", "dev", Duration.ZERO, List.of(), List.of(), List.of()));
    Path config = api.config(dir, "${env:VIPD_TEST_TOKEN_THAT_IS_NOT_SET}");

    CliRun run = CliRun.vipd("status", "-c", config.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("node from-config, vipd dev");
  }

  @Test
  void anUnreachableDaemonIsExitOneWithASentence() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }

    CliRun run = CliRun.vipd("status", "--url", "http://127.0.0.1:" + port);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("vipd: cannot reach the vipd API at http://127.0.0.1:" + port + "/status")
        .contains("Is the daemon running");
  }

  @Test
  void aUrlThatIsNotHttpIsExitOne() {
    CliRun run = CliRun.vipd("status", "--url", "127.0.0.1:9595");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("vipd: --url 127.0.0.1:9595 is not an http:// URL such as http://127.0.0.1:9595\n");
  }
}
