package io.vipd.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.lab.VipdProcess;
import io.vipd.lab.VipdYaml;
import io.vipd.testkit.Environment;
import io.vipd.testkit.NamespacedJvm;
import io.vipd.testkit.VipdCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code vipd run} per lab host with the API on the namespace's loopback, queried from a JVM in the
 * same namespace ({@link HttpAgent}).
 */
class ApiIT {
  private static final String VIP = "10.99.0.10";
  private static final String TOKEN = "it-token-7f3a";
  private static final int PORT = 9595;
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path dir;

  @BeforeAll
  static void needsRoot() {
    Environment.requireRootAndTools("ip");
  }

  @Test
  void statusMetricsAndMaintenanceMoveTheVipOffASingleNodeAndBack() throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost n1 = lab.addHost("n1", 11);
      VipdProcess vipd = VipdProcess.start(n1, config("n1", 150), dir.resolve("n1.log"), List.of());
      try (NamespacedJvm agent = NamespacedJvm.start(n1.namespace(), HttpAgent.class)) {
        Api api = new Api(agent, vipd);

        await().atMost(PATIENCE).until(() -> "MASTER".equals(api.state("web")));
        JsonObject web = api.instance("web");
        assertThat(web.getString("master")).isEqualTo(n1.ipv4());
        assertThat(web.getJsonObject("priority").getInteger("base")).isEqualTo(150);
        assertThat(web.getJsonArray("vips").getList()).containsExactly(VIP + "/24");
        assertThat(api.status().getString("node")).isEqualTo("n1");
        assertThat(n1.hasAddress(VIP)).isTrue();

        Response metrics = api.send("GET", "/metrics", null);
        assertThat(metrics.code()).isEqualTo(200);
        assertThat(metrics.body()).contains("vipd_instance_state{instance=\"web\",state=\"MASTER\"} 1\n",
            "vipd_transitions_total{instance=\"web\",to=\"MASTER\"} 1\n");

        Response wrongToken = api.send("POST", "/maintenance?instance=web&enabled=true", TOKEN + "-wrong");
        assertThat(wrongToken.code()).isEqualTo(401);
        assertThat(api.state("web")).isEqualTo("MASTER");
        assertThat(api.send("POST", "/maintenance?instance=nope&enabled=true", TOKEN).code()).isEqualTo(404);

        assertThat(api.send("POST", "/maintenance?instance=web&enabled=true", TOKEN).code()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "FAULT".equals(api.state("web")));
        assertThat(api.instance("web").getString("fault")).isEqualTo("maintenance");
        assertThat(api.instance("web").getBoolean("maintenance")).isTrue();
        await().atMost(PATIENCE).until(() -> !n1.hasAddress(VIP));

        assertThat(api.send("POST", "/maintenance?instance=web&enabled=false", TOKEN).code()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "MASTER".equals(api.state("web")));
        await().atMost(PATIENCE).until(() -> n1.hasAddress(VIP));

        VipdCli.Result table = VipdCli.run(n1, "status", "--url", "http://127.0.0.1:" + PORT);
        assertThat(table.exitCode()).as(table.output()).isZero();
        assertThat(table.output()).containsPattern("web +MASTER +150 +10\\.99\\.0\\.10/24 +10\\.99\\.0\\.11 \\(this node\\)");
        assertThat(vipd.logText()).doesNotContain(TOKEN);
      }
    }
  }

  @Test
  void failoverHandsTheVipToTheOtherNodeAndABackupCannotFailOver() throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost n1 = lab.addHost("n1", 11);
      LabHost n2 = lab.addHost("n2", 12);
      // equal priorities: whichever node is master first keeps the VIP (a backup only takes over from a
      // lower priority), so the test finds out which one that is, then hands the VIP to the other
      VipdProcess vipd1 = VipdProcess.start(n1, config("n1", 100), dir.resolve("n1.log"), List.of());
      VipdProcess vipd2 = VipdProcess.start(n2, config("n2", 100), dir.resolve("n2.log"), List.of());
      try (NamespacedJvm agent1 = NamespacedJvm.start(n1.namespace(), HttpAgent.class);
          NamespacedJvm agent2 = NamespacedJvm.start(n2.namespace(), HttpAgent.class)) {
        Api api1 = new Api(agent1, vipd1);
        Api api2 = new Api(agent2, vipd2);
        await().atMost(PATIENCE).until(() -> oneMasterOneBackup(api1.state("web"), api2.state("web")));
        boolean n1First = "MASTER".equals(api1.state("web"));
        Api master = n1First ? api1 : api2;
        Api backup = n1First ? api2 : api1;
        LabHost masterHost = n1First ? n1 : n2;
        LabHost backupHost = n1First ? n2 : n1;
        await().atMost(PATIENCE).until(() -> masterHost.ipv4().equals(backup.instance("web").getString("master")));

        assertThat(backup.send("POST", "/failover?instance=web", TOKEN).code()).isEqualTo(409);
        Response handedOver = master.send("POST", "/failover?instance=web", TOKEN);

        assertThat(handedOver.code()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "MASTER".equals(backup.state("web")) && backupHost.hasAddress(VIP));
        await().atMost(PATIENCE).until(() -> backupHost.ipv4().equals(master.instance("web").getString("master")));
        assertThat(master.state("web")).isEqualTo("BACKUP");
        assertThat(masterHost.hasAddress(VIP)).isFalse();
        assertThat(master.vipd().logText()).as("one transition, no detour through FAULT")
            .contains("web: MASTER -> BACKUP (handed over on request)").doesNotContain("FAULT");
      }
    }
  }

  private static boolean oneMasterOneBackup(String state1, String state2) {
    return ("MASTER".equals(state1) && "BACKUP".equals(state2)) || ("BACKUP".equals(state1) && "MASTER".equals(state2));
  }

  private Path config(String node, int priority) throws Exception {
    Files.writeString(dir.resolve("api-token"), TOKEN + "\n");
    Path file = dir.resolve(node + ".yaml");
    VipdYaml.node(node).withoutPlugins()
        .with("api", Map.of("listen", "127.0.0.1:" + PORT, "token", "${file:api-token}"))
        .instance(VipdYaml.Instance.named("web").vrid(51).version(3).priority(priority)
            .advertInterval(Duration.ofMillis(100)).vips(VIP + "/24"))
        .writeTo(file);
    return file;
  }

  private record Response(int code, String body) {}

  /** The API of one node, through the agent in its namespace. */
  private record Api(NamespacedJvm agent, VipdProcess vipd) {

    Response send(String method, String path, String token) {
      String answer = agent.call(method + " http://127.0.0.1:" + PORT + path + (token == null ? "" : " " + token),
          Duration.ofSeconds(20));
      String[] parts = answer.split(" ", 2);
      String body = parts.length < 2 ? "" : new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      return new Response(Integer.parseInt(parts[0]), body);
    }

    /** The status, or null while the daemon does not answer yet. */
    JsonObject status() {
      agent.send("GET http://127.0.0.1:" + PORT + "/status");
      String answer = agent.awaitLine(l -> l.startsWith("OK") || l.startsWith("ERR"), Duration.ofSeconds(20));
      if (answer.startsWith("ERR")) {
        assertThat(vipd.isAlive()).as("vipd is running (see %s)", vipd.log()).isTrue();
        return null;
      }
      String[] parts = answer.substring(3).split(" ", 2);
      assertThat(parts[0]).isEqualTo("200");
      return new JsonObject(new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    JsonObject instance(String name) {
      JsonObject status = status();
      if (status == null) {
        return new JsonObject();
      }
      return status.getJsonArray("instances").stream().map(JsonObject.class::cast)
          .filter(i -> name.equals(i.getString("name"))).findFirst().orElseThrow();
    }

    String state(String name) {
      return instance(name).getString("state");
    }
  }
}
