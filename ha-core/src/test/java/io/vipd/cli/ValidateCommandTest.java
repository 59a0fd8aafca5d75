package io.vipd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @Test
  void validFileIsSummarisedAndExitsZero(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("vipd.yaml"), """
        checks:
          mysql-local: { type: mysql, host: 127.0.0.1 }
          disk: { type: exec, command: /usr/local/bin/disk-ok }
        notifiers:
          ops: { type: webhook, url: "https://ops.example.com/hook" }
        instances:
          - name: db-vip
            interface: eth0
            vrid: 51
            vips: [10.0.0.100/24]
            track:
              checks: [{ check: mysql-local, weight: -50 }, { check: disk, on-down: fault }]
            notify: [ops]
        """);

    CliRun run = CliRun.vipd("validate", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith(file + ": OK (1 instances, 2 checks, 1 notifiers)")
        .contains("plugin settings not checked: no plugin directory");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void invalidFileListsEveryProblemOnStderrAndExitsTwo(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("vipd.yaml"), """
        instances:
          - name: db-vip
            interface: eth0
            vrid: 300
            advert-intreval: 1s
            vips: [10.0.0.100/24]
        """);

    CliRun run = CliRun.vipd("validate", file.toString());

    assertThat(run.exitCode()).isEqualTo(ValidateCommand.INVALID);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly(
            file + ":4:11 instances[0].vrid: must be 1..255, got 300",
            file + ":5:5 instances[0].advert-intreval: unknown key; did you mean `advert-interval`?");
  }

  @Test
  void builtInTransportSettingsAreCheckedEvenWithoutAPluginDirectory(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("vipd.yaml"), """
        instances:
          - name: db-vip
            interface: eth0
            vrid: 51
            transport:
              type: unicast
              peers: [10.0.0.12, db2.example.com]
              ttl: 3
            vips: [10.0.0.100/24]
        """);

    CliRun run = CliRun.vipd("validate", file.toString(), "--plugins", dir.resolve("no-plugins").toString());

    assertThat(run.exitCode()).isEqualTo(ValidateCommand.INVALID);
    assertThat(run.err().lines().toList()).containsExactlyInAnyOrder(
        file + ":8:12 instances[0].transport.ttl: unknown key (known: peers)",
        file + ":7:26 instances[0].transport.peers[1]: must be an IP address (names are not resolved), got `db2.example.com`");
  }

  @Test
  void missingFileIsReportedNotThrown(@TempDir Path dir) {
    CliRun run = CliRun.vipd("validate", dir.resolve("nope.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(ValidateCommand.INVALID);
    assertThat(run.err()).contains("nope.yaml: cannot read the file (NoSuchFileException)");
  }

  @Test
  void versionIsPrinted() {
    CliRun run = CliRun.vipd("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("vipd ");
  }

  @Test
  void helpListsTheValidateCommand() {
    CliRun run = CliRun.vipd("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: vipd").contains("validate");
    assertThat(CliRun.vipd("validate", "--help").out()).contains("FILE").contains("2   the file has problems");
  }
}
