package io.vipd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunningVipdTest {
  @TempDir Path directory;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopLookalikes() throws InterruptedException {
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void configOfARunCommandLineInEverySpelling() {
    assertThat(RunningVipd.runConfig(jvm("run", "-c", "/etc/vipd/vipd.yaml"))).hasValue("/etc/vipd/vipd.yaml");
    assertThat(RunningVipd.runConfig(jvm("run", "--config", "a.yaml"))).hasValue("a.yaml");
    assertThat(RunningVipd.runConfig(jvm("run", "--config=a.yaml"))).hasValue("a.yaml");
    assertThat(RunningVipd.runConfig(jvm("run", "-ca.yaml"))).hasValue("a.yaml");
  }

  @Test
  void otherCommandLinesServeNoConfig() {
    assertThat(RunningVipd.runConfig(jvm("cleanup", "-c", "/etc/vipd/vipd.yaml"))).isEmpty();
    assertThat(RunningVipd.runConfig(jvm("status", "-c", "/etc/vipd/vipd.yaml"))).isEmpty();
    assertThat(RunningVipd.runConfig(jvm("run"))).isEmpty();
    assertThat(RunningVipd.runConfig(List.of("-c", "/etc/vipd/vipd.yaml"))).isEmpty();
  }

  @Test
  void aLiveProcessRunningTheSameFileIsFoundByPid() throws Exception {
    Path config = Files.writeString(directory.resolve("vipd.yaml"), "instances: []\n");
    Process lookalike = lookalike(directory, "-c", config.toString());

    assertThat(RunningVipd.serving(config)).hasValue(lookalike.pid());
    assertThat(RunningVipd.serving(Files.writeString(directory.resolve("other.yaml"), ""))).isEmpty();
  }

  /** A JVM started with a long class path (a lab's or a test's): ProcessHandle.Info shows it no arguments. */
  @Test
  void aProcessWithACommandLineLongerThanAPageIsFound() throws Exception {
    Path config = Files.writeString(directory.resolve("vipd.yaml"), "instances: []\n");
    Process p = new ProcessBuilder("sh", "-c", "read line", "/x/".repeat(2000), RunningVipd.MAIN_CLASS, "run", "-c",
        config.toString()).directory(directory.toFile()).start();
    started.add(p);

    assertThat(RunningVipd.serving(config)).hasValue(p.pid());
  }

  @Test
  void aRelativePathIsResolvedInTheProcessesWorkingDirectory() throws Exception {
    Path config = Files.writeString(directory.resolve("vipd.yaml"), "instances: []\n");
    Path elsewhere = Files.createDirectory(directory.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("vipd.yaml"), "instances: []\n");
    Process lookalike = lookalike(directory, "--config", "vipd.yaml");

    assertThat(RunningVipd.serving(config)).hasValue(lookalike.pid());
    assertThat(RunningVipd.serving(elsewhere.resolve("vipd.yaml"))).isEmpty();
  }

  @Test
  void aProcessThatEndedServesNothing() throws Exception {
    Path config = Files.writeString(directory.resolve("vipd.yaml"), "instances: []\n");
    Process lookalike = lookalike(directory, "-c", config.toString());
    lookalike.destroyForcibly();
    lookalike.waitFor(5, TimeUnit.SECONDS);

    assertThat(RunningVipd.serving(config)).isEmpty();
  }

  private static List<String> jvm(String... vipdArguments) {
    List<String> arguments = new ArrayList<>(List.of("-Xmx128m", "-cp", "/opt/vipd/lib/*", RunningVipd.MAIN_CLASS));
    arguments.addAll(List.of(vipdArguments));
    return arguments;
  }

  /**
   * A real process whose command line reads like {@code vipd run OPTION FILE}: a shell that waits for a line on its stdin (a builtin: no child process), given
   * those words as its positional parameters.
   */
  private Process lookalike(Path workingDirectory, String option, String file) throws IOException {
    Process p = new ProcessBuilder("sh", "-c", "read line", RunningVipd.MAIN_CLASS, "run", option, file)
        .directory(workingDirectory.toFile()).start();
    started.add(p);
    return p;
  }
}
