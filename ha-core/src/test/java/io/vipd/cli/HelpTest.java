package io.vipd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code vipd --help} lists every command on one line: its name and what it does. */
class HelpTest {

  @Test
  void everyRegisteredCommandHasOneLineInTheHelp() {
    CliRun run = CliRun.vipd("--help");
    List<String> lines = run.out().lines().toList();
    List<String> commandSection = lines.subList(lines.indexOf("Commands:") + 1, lines.size());

    assertThat(run.exitCode()).isZero();
    assertThat(commandSection).as("no command's description wraps onto a second line")
        .allSatisfy(line -> assertThat(line).matches("  [a-z-]+ +\\S.*"));
    assertThat(commandSection.stream().map(line -> line.trim().split(" +")[0]))
        .containsExactlyElementsOf(Main.commandLine().getSubcommands().keySet());
    assertThat(Main.commandLine().getSubcommands().keySet())
        .contains("run", "validate", "status", "maintenance", "failover", "reload", "cleanup", "plugins");
  }

  @Test
  void withoutACommandTheUsageIsPrinted() {
    CliRun run = CliRun.vipd();

    assertThat(run.out()).isEqualTo(CliRun.vipd("--help").out());
  }
}
