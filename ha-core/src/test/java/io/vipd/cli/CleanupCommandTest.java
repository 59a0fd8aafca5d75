package io.vipd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What {@code vipd cleanup} refuses before it looks at any interface; the removal itself is CleanupIT's. */
class CleanupCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int vipd(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void invalidConfigIsListedWithLineAndColumnAndExitsTwo(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("vipd.yaml"), """
        instances:
          - name: vip
            interface: eth0
            vrid: 300
            vips: [10.0.0.100/24]
        """);

    assertThat(vipd("cleanup", "-c", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(file + ":4:11 instances[0].vrid: must be 1..255, got 300");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void refusesWhileAVipdRunServesTheSameFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("vipd.yaml"), """
        instances:
          - name: vip
            interface: eth0
            vrid: 51
            vips: [10.0.0.100/24]
        """);
    // a real process whose command line reads like `vipd run -c FILE`
    Process running = new ProcessBuilder("sh", "-c", "read line", Main.class.getName(), "run", "-c",
        file.toString()).start();
    try {
      assertThat(vipd("cleanup", "-c", file.toString())).isEqualTo(1);
      assertThat(err.toString()).contains("a vipd run (pid " + running.pid() + ") is serving " + file);
    } finally {
      running.destroyForcibly();
      running.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
