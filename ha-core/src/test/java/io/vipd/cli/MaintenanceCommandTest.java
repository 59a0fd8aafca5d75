package io.vipd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.http.DaemonStatus;
import io.vipd.vrrp.VrrpState;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vipd maintenance} against a real API server; the token never appears in what it prints. */
class MaintenanceCommandTest {
  static final String TOKEN = "cli-test-token-5b1e";
  static final DaemonStatus ONE_INSTANCE = new DaemonStatus("n1", "dev", Duration.ZERO,
      List.of(StatusCommandTest.instance("web", VrrpState.MASTER, 150, "10.99.0.11", null, false)), List.of(),
      List.of());

  @TempDir Path dir;
  private RunningApi api;

  @BeforeEach
  void startApi() throws Exception {
    api = RunningApi.start(ONE_INSTANCE, Optional.of(TOKEN));
    Files.writeString(dir.resolve("api-token"), TOKEN + "\n");
  }

  @AfterEach
  void stopApi() throws Exception {
    api.close();
  }

  private CliRun vipd(String... args) {
    CliRun run = CliRun.vipd(args);
    assertThat(run.out() + run.err()).as("never prints the token").doesNotContain(TOKEN);
    return run;
  }

  @Test
  void onTakesTheTokenAndAddressFromTheConfiguration() throws Exception {
    Path config = api.config(dir, "${file:api-token}");

    CliRun run = vipd("maintenance", "web", "on", "-c", config.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("instance web goes to FAULT (maintenance) and gives up its VIPs\n");
    assertThat(api.backend().requests).containsExactly("maintenance web true");
  }

  @Test
  void offWithATokenFileAndAUrl() {
    CliRun run = vipd("maintenance", "web", "off", "--url", api.url(), "--token-file",
        dir.resolve("api-token").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("instance web leaves maintenance\n");
    assertThat(api.backend().requests).containsExactly("maintenance web false");
  }

  @Test
  void otherSecretsThisShellCannotSeeDoNotMatterWithATokenFile() throws Exception {
    Path config = api.config(dir, "${env:VIPD_CLI_TEST_UNSET_TOKEN}");
    Files.writeString(config, Files.readString(config).replace("priority: 150",
        "priority: 150\n    version: 2\n    auth: {type: pass, password: \"${env:VIPD_CLI_TEST_UNSET_PASSWORD}\"}"));

    CliRun run = vipd("maintenance", "web", "on", "-c", config.toString(), "--token-file",
        dir.resolve("api-token").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(api.backend().requests).containsExactly("maintenance web true");
  }

  @Test
  void aTokenReferenceThisShellCannotResolveIsExitTwoWithItsLocation() throws Exception {
    Path config = api.config(dir, "${env:VIPD_CLI_TEST_UNSET_TOKEN}");

    CliRun run = vipd("maintenance", "web", "on", "-c", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(config + ":3:10 api.token: environment variable VIPD_CLI_TEST_UNSET_TOKEN"
        + " is not set\n").contains("--token-file FILE");
    assertThat(api.backend().requests).isEmpty();
  }

  @Test
  void anInvalidConfigurationIsExitTwoWithFileLineAndColumn() throws Exception {
    Path config = api.config(dir, "${file:api-token}");
    Files.writeString(config, Files.readString(config).replace("vrid: 51", "vrid: 300"));

    CliRun run = vipd("maintenance", "web", "on", "-c", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(config + ":7:11 instances[0].vrid: must be 1..255, got 300\n");
    assertThat(api.backend().requests).isEmpty();
  }

  @Test
  void noTokenAtAllIsExitTwoBeforeAnyRequest() throws Exception {
    CliRun withoutConfig = vipd("maintenance", "web", "on", "--url", api.url());
    CliRun configWithoutToken = vipd("maintenance", "web", "on", "-c", api.config(dir, null).toString());

    assertThat(withoutConfig.exitCode()).isEqualTo(2);
    assertThat(withoutConfig.err()).isEqualTo("vipd: no API token: give -c FILE (its api.token) or --token-file FILE\n");
    assertThat(configWithoutToken.exitCode()).isEqualTo(2);
    assertThat(configWithoutToken.err()).contains("has no api.token");
    assertThat(api.backend().requests).isEmpty();
  }

  @Test
  void aWrongTokenIsExitOneNamingWhereItCameFrom() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong-token"), "not-" + TOKEN);

    CliRun run = vipd("maintenance", "web", "on", "--url", api.url(), "--token-file", wrong.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("vipd: " + api.url() + "/maintenance?instance=web&enabled=true answered HTTP 401:"
        + " missing or wrong bearer token (Authorization: Bearer <api.token>) (the token came from --token-file "
        + wrong + ")\n");
    assertThat(api.backend().requests).isEmpty();
  }

  @Test
  void aDaemonWithoutATokenRefusesWith403() throws Exception {
    try (RunningApi open = RunningApi.start(ONE_INSTANCE, Optional.empty())) {
      CliRun run = vipd("maintenance", "web", "on", "--url", open.url(), "--token-file",
          dir.resolve("api-token").toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).contains("answered HTTP 403: no API token is configured (api.token)");
      assertThat(open.backend().requests).isEmpty();
    }
  }

  @Test
  void anUnknownInstanceIsExitOneWith404() throws Exception {
    CliRun run = vipd("maintenance", "nope", "on", "-c", api.config(dir, "${file:api-token}").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).endsWith("answered HTTP 404: no instance named 'nope'\n");
  }

  @Test
  void aChangeTheDaemonCouldNotSaveIsExitOne() throws Exception {
    api.backend().persisting = false;

    CliRun run = vipd("maintenance", "web", "on", "-c", api.config(dir, "${file:api-token}").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("vipd: instance web goes to FAULT (maintenance) and gives up its VIPs, but the"
        + " daemon could not save that").contains("a restart would end the maintenance");
    assertThat(api.backend().requests).containsExactly("maintenance web true");
  }

  @Test
  void onOrOffIsAllItAccepts() {
    CliRun run = vipd("maintenance", "web", "yes", "--url", api.url());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("expected on or off, got 'yes'");
  }

  @Test
  void anUnreachableDaemonIsExitOne() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }

    CliRun run = vipd("maintenance", "web", "on", "--url", "http://127.0.0.1:" + port, "--token-file",
        dir.resolve("api-token").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("vipd: cannot reach the vipd API at http://127.0.0.1:" + port + "/maintenance");
  }
}
