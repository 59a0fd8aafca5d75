package io.vipd.config;

import io.vipd.track.TrackedCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.HaEvent;
import io.vipd.api.PluginConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final Map<String, String> ENV =
      Map.of(
          "VIPD_API_TOKEN", "api-token-value-1",
          "VIPD_MYSQL_PASSWORD", "mysql-password-value-2",
          "SLACK_WEBHOOK_URL", "https://hooks.slack.example/T000/B000/slack-secret-3",
          "VIPD_WEBHOOK_SECRET", "webhook-secret-value-4");

  private final ConfigLoader loader = new ConfigLoader(ENV::get, () -> "test-host", Path.of("/opt/vipd"));

  @Test
  void shippedMysqlExampleIsValid() throws ConfigException {
    VipdConfig config = loader.load(Path.of("../config/example.yaml"));

    assertThat(config.node()).isEqualTo("db1");
    assertThat(config.pluginsDirectory()).isEqualTo(Path.of("/opt/vipd/plugins"));
    assertThat(config.api()).get().satisfies(api -> {
      assertThat(api.host()).isEqualTo("127.0.0.1");
      assertThat(api.port()).isEqualTo(9595);
      assertThat(api.token()).get().extracting(Secret::reveal).isEqualTo("api-token-value-1");
    });
    CheckConfig mysql = config.checks().get("mysql-local");
    assertThat(mysql.type()).isEqualTo("mysql");
    assertThat(mysql.timeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(mysql.rise()).isEqualTo(2);
    assertThat(mysql.settings().values().getString("password")).isEqualTo("mysql-password-value-2");
    assertThat(mysql.settings().values().getInteger("port")).isEqualTo(3306);
    assertThat(mysql.settings().values().fieldNames()).doesNotContain("type", "interval", "timeout", "rise", "fall");
    assertThat(config.notifiers().get("ops-slack").events()).contains(java.util.Set.of(HaEvent.Kind.STATE_CHANGE));

    InstanceConfig vip = config.instances().get(0);
    assertThat(vip.name()).isEqualTo("db-vip");
    assertThat(vip.vrid()).isEqualTo(51);
    assertThat(vip.priority()).isEqualTo(150);
    assertThat(vip.advertInterval()).isEqualTo(Duration.ofMillis(100));
    assertThat(vip.preempt()).isFalse();
    assertThat(vip.vips()).extracting(VipConfig::cidr).containsExactly("10.0.0.100/24");
    assertThat(vip.vips().get(0).label()).contains("eth0:db");
    assertThat(vip.track().interfaces()).containsExactly("eth0");
    assertThat(vip.track().checks())
        .extracting(TrackedCheck::name, TrackedCheck::weight, TrackedCheck::degradedWeight, TrackedCheck::onDownFault)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mysql-local", -60, -20, false),
            org.assertj.core.groups.Tuple.tuple("mysql-port", 0, 0, true));
    assertThat(vip.notifiers()).containsExactly("ops-slack", "audit");
  }

  @Test
  void shippedWebExampleIsValid() throws ConfigException {
    VipdConfig config = loader.load(Path.of("../config/example-web.yaml"));

    assertThat(config.instances()).extracting(InstanceConfig::name).containsExactly("web-v4", "web-v6");
    assertThat(config.instances().get(1).ipv6()).isTrue();
    TransportConfig transport = config.instances().get(1).transport();
    assertThat(transport.type()).isEqualTo("unicast");
    assertThat(transport.settings().values().getJsonArray("peers").getList()).containsExactly("fd00:1::12");
  }

  @Test
  void minimalConfigGetsTheDocumentedDefaults() throws ConfigException {
    VipdConfig config =
        loader.load(
            "vipd.yaml",
            """
            checks:
              web: { type: http, url: "http://127.0.0.1/" }
            notifiers:
              hook: { type: webhook }
            instances:
              - name: web-vip
                interface: eth0
                vrid: 7
                vips: [10.0.0.7]
            """);

    assertThat(config.node()).isEqualTo("test-host");
    assertThat(config.pluginsDirectory()).isEqualTo(Path.of("/opt/vipd/plugins"));
    assertThat(config.stateDirectory()).as("$STATE_DIRECTORY or /var/lib/vipd, decided at start").isEmpty();
    assertThat(config.api()).isEmpty();
    CheckConfig web = config.checks().get("web");
    assertThat(web.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(web.timeout()).isEqualTo(web.interval());
    assertThat(web.rise()).isEqualTo(1);
    assertThat(web.fall()).isEqualTo(1);
    assertThat(config.notifiers().get("hook").events()).isEmpty();
    assertThat(config.notifiers().get("hook").delivery()).isEqualTo(io.vipd.config.NotifierConfig.Delivery.DEFAULT);
    InstanceConfig vip = config.instances().get(0);
    assertThat(vip.version()).isEqualTo(3);
    assertThat(vip.priority()).isEqualTo(100);
    assertThat(vip.advertInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(vip.preempt()).isTrue();
    assertThat(vip.preemptDelay()).isZero();
    assertThat(vip.strictRfc()).isFalse();
    assertThat(vip.checksumCompat()).isFalse();
    assertThat(vip.sourceAddress()).isEmpty();
    assertThat(vip.auth()).isEmpty();
    assertThat(vip.transport().type()).isEqualTo("multicast");
    assertThat(vip.transport().settings().values().isEmpty()).isTrue();
    assertThat(vip.garp()).isEqualTo(AnnounceSchedule.KEEPALIVED_DEFAULTS);
    assertThat(vip.track()).isEqualTo(TrackConfig.NONE);
    assertThat(vip.vips()).extracting(VipConfig::cidr).containsExactly("10.0.0.7/32");
    assertThat(vip.location()).isEqualTo(new ConfigLocation("vipd.yaml", 6, 5));
  }

  @Test
  void everyProblemInTheFileIsReportedAtOnce() {
    ConfigException failure =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                loader.load(
                    "vipd.yaml",
                    """
                    nodes: db1
                    instances:
                      - name: db-vip
                        interface: eth0
                        vrid: 0
                        version: 2
                        advert-interval: 500ms
                        vips: ["fd00::1"]
                        track:
                          checks:
                            - { check: mysql, weight: -10 }
                        notify: [slack]
                    """));

    assertThat(failure.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "vipd.yaml:1:1 nodes: unknown key; did you mean `node`?",
            "vipd.yaml:5:11 instances[0].vrid: must be 1..255, got 0",
            "vipd.yaml:7:22 instances[0].advert-interval: version 2 adverts carry whole seconds (RFC 3768 section 5.3.7), got 500ms; use version: 3 for sub-second intervals",
            "vipd.yaml:8:12 instances[0].vips[0]: IPv6 addresses need version 3 (VRRPv2, RFC 3768, is IPv4 only)",
            "vipd.yaml:11:20 instances[0].track.checks[0].check: undefined check `mysql` (no checks are defined under `checks:`)",
            "vipd.yaml:12:14 instances[0].notify[0]: undefined notifier `slack` (no notifiers are defined under `notifiers:`)");
  }

  @Test
  void secretValuesNeverAppearInProblemsOrToString(@TempDir Path dir) throws IOException, ConfigException {
    Files.writeString(dir.resolve("vrid"), "file-secret-5\n");
    Map<String, String> env =
        Map.of("PRIORITY", "env-secret-6", "PASSWORD", "env-secret-7-too-long", "DELAY", "env-secret-8");
    ConfigLoader secretLoader = new ConfigLoader(env::get, () -> "h", dir);
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        instances:
          - name: db-vip
            interface: eth0
            vrid: ${file:vrid}
            version: 2
            priority: ${env:PRIORITY}
            preempt-delay: ${env:DELAY}
            auth: { type: pass, password: "${env:PASSWORD}" }
            vips: [10.0.0.1/24]
        """);

    ConfigException failure = catchThrowableOfType(ConfigException.class, () -> secretLoader.load(bad));

    assertThat(failure.problems()).hasSize(4);
    for (String secret : List.of("file-secret-5", "env-secret-6", "env-secret-7", "env-secret-8")) {
      assertThat(failure.problems()).allSatisfy(p -> assertThat(p.toString()).doesNotContain(secret));
      assertThat(failure.getMessage()).doesNotContain(secret);
    }
    assertThat(failure.problems().get(0).toString())
        .isEqualTo(bad + ":4:11 instances[0].vrid: must be an integer, got `${file:vrid}`");

    VipdConfig good = loader.load(Path.of("../config/example.yaml"));
    Path v2 = dir.resolve("v2.yaml");
    Files.writeString(
        v2,
        """
        instances:
          - { name: a, interface: eth0, vrid: 1, version: 2, auth: { password: "${env:PW}" }, vips: [10.0.0.1] }
        """);
    VipdConfig withAuth = new ConfigLoader(Map.of("PW", "pw-sec9")::get, () -> "h", dir).load(v2);
    assertThat(withAuth.instances().get(0).auth()).get().extracting(a -> a.password().reveal()).isEqualTo("pw-sec9");
    assertThat(good + " " + withAuth).doesNotContain(ENV.values()).doesNotContain("pw-sec9");
  }

  @Test
  void fileSecretLosesOneTrailingNewlineAndIsFoundNextToTheConfig(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("mysql-password"), "s3cret\n");
    Path file = dir.resolve("vipd.yaml");
    Files.writeString(
        file,
        """
        checks:
          db:
            type: mysql
            password: ${file:mysql-password}
            dsn: "user:${file:mysql-password}@tcp(127.0.0.1)/ and $${literal}"
        instances:
          - { name: a, interface: eth0, vrid: 1, vips: [10.0.0.1] }
        """);

    JsonObject settings = loader.load(file).checks().get("db").settings().values();

    assertThat(settings.getString("password")).isEqualTo("s3cret");
    assertThat(settings.getString("dsn")).isEqualTo("user:s3cret@tcp(127.0.0.1)/ and ${literal}");
  }

  @Test
  void pluginKeysKeepTheirYamlTypesAndPluginComplaintsPointAtTheKey() throws ConfigException {
    VipdConfig config =
        loader.load(
            "vipd.yaml",
            """
            checks:
              web:
                type: http
                port: 8080
                verify-tls: false
                ratio: 0.5
                expect: [200, 204]
                headers:
                  Host: example.com
            instances:
              - name: web
                interface: eth0
                vrid: 9
                transport: { type: udp, port: 5000 }
                vips: [10.0.0.9]
            """);

    PluginSettings settings = config.checks().get("web").settings();
    assertThat(settings.values())
        .isEqualTo(
            new JsonObject()
                .put("port", 8080)
                .put("verify-tls", false)
                .put("ratio", 0.5)
                .put("expect", new JsonArray().add(200).add(204))
                .put("headers", new JsonObject().put("Host", "example.com")));
    assertThat(settings.toString()).isEqualTo("PluginSettings[port, verify-tls, ratio, expect, headers]");
    List<ConfigProblem> problems =
        settings.problemsOf(
            new PluginConfigException(
                List.of(
                    new PluginConfigException.Problem("headers.Host", "must not be set"),
                    new PluginConfigException.Problem("expect[1]", "must be 2xx"),
                    new PluginConfigException.Problem("url", "is required"))));
    assertThat(problems)
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "vipd.yaml:9:13 checks.web.headers.Host: must not be set",
            "vipd.yaml:7:19 checks.web.expect[1]: must be 2xx",
            "vipd.yaml:3:5 checks.web.url: is required");
    TransportConfig transport = config.instances().get(0).transport();
    assertThat(transport.type()).isEqualTo("udp");
    assertThat(transport.settings().values()).isEqualTo(new JsonObject().put("port", 5000));
  }

  @Test
  void theStateDirectoryIsAnAbsolutePath() throws ConfigException {
    String instances = """
        instances:
          - {name: web, interface: eth0, vrid: 7, vips: [10.0.0.7]}
        """;

    VipdConfig config = loader.load("vipd.yaml", "state-directory: /srv/vipd\n" + instances);
    ConfigException relative = catchThrowableOfType(ConfigException.class,
        () -> loader.load("vipd.yaml", "state-directory: var/lib/vipd\n" + instances));

    assertThat(config.stateDirectory()).contains(Path.of("/srv/vipd"));
    assertThat(relative.problems()).extracting(ConfigProblem::toString).containsExactly(
        "vipd.yaml:1:18 state-directory: must be an absolute path (`/var/lib/vipd`), got `var/lib/vipd`");
  }

  @Test
  void aCharacterYamlForbidsIsReportedWhereItIs() {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> loader.load("vipd.yaml", "node: n1\ninstances:\n  - name: v\u0000ip\n"));

    assertThat(e.problems()).extracting(ConfigProblem::toString)
        .containsExactly("vipd.yaml:3:12 malformed YAML: character U+0000 is not allowed in YAML");
  }

  @Test
  void unreadableOrEmptyFileIsOneProblem(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("missing.yaml");
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "# nothing yet\n");

    assertThat(catchThrowableOfType(ConfigException.class, () -> loader.load(missing)).problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(missing + ": cannot read the file (NoSuchFileException)");
    assertThat(catchThrowableOfType(ConfigException.class, () -> loader.load(empty)).problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(empty + ": the file is empty; see config/example.yaml");
  }
}
