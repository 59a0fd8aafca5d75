package io.vipd.e2e.notify;

import io.vipd.e2e.Distribution;
import io.vipd.lab.LabHost;
import io.vipd.lab.VipdProcess;
import io.vipd.lab.VipdYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A vipd node of the assembled distribution running one instance, with three notifiers: a signed
 * webhook and a Slack notifier posting to an {@link InLabHookServer}, and an exec notifier whose script
 * appends {@code <VIPD_SEQUENCE> <its arguments>} to a file.
 */
final class NotifiedNode {
  static final String INSTANCE = "db-vip";

  private final String name;
  private final LabHost host;
  private final int priority;
  private final Path dir;
  private VipdProcess process;

  private NotifiedNode(String name, LabHost host, int priority, Path dir) {
    this.name = name;
    this.host = host;
    this.priority = priority;
    this.dir = dir;
  }

  /** Writes the node's configuration, secret and notify script under {@code dir}; does not start it. */
  static NotifiedNode configure(LabHost host, int priority, int vrid, String vip, String secret,
      InLabHookServer hooks, Path dir) throws IOException {
    NotifiedNode node = new NotifiedNode(host.name(), host, priority, Files.createDirectories(dir));
    Files.writeString(dir.resolve("webhook-secret"), secret + "\n");
    Path script = dir.resolve("notify.sh");
    Files.writeString(script, """
        #!/bin/sh
        # appends "<sequence> <keepalived notify arguments>" to the file named by $1
        out=$1
        shift
        echo "$VIPD_SEQUENCE $*" >> "$out"
        """);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(node.execLog(), "");
    VipdYaml.node(node.name)
        .notifier("hook", Map.of("type", "webhook", "url", hooks.url(node.webhookPath()),
            "secret", "${file:webhook-secret}", "timeout", "2s"))
        .notifier("chat", Map.of("type", "slack", "url", hooks.url(node.slackPath())))
        .notifier("script", Map.of("type", "exec",
            "command", List.of("/bin/sh", script.toString(), node.execLog().toString()), "timeout", "5s"))
        .instance(VipdYaml.Instance.named(INSTANCE).vrid(vrid).priority(priority).advertInterval(Duration.ofSeconds(1))
            .vips(vip + "/24"))
        .writeTo(node.config());
    return node;
  }

  String name() {
    return name;
  }

  String ipv4() {
    return host.ipv4();
  }

  int priority() {
    return priority;
  }

  String webhookPath() {
    return "/" + name + "/webhook";
  }

  String slackPath() {
    return "/" + name + "/slack";
  }

  Path config() {
    return dir.resolve("vipd.yaml");
  }

  Path execLog() {
    return dir.resolve("exec.log");
  }

  /** Starts (or restarts) the distribution's {@code bin/vipd run}. */
  void start() throws IOException {
    if (process == null) {
      process = VipdProcess.startDistribution(Distribution.launcher(), host, config(), dir.resolve("vipd.log"));
    } else {
      process.start();
    }
  }

  /** SIGKILL: a crash. */
  void kill() throws InterruptedException {
    process.kill();
  }

  /** SIGTERM; the exit code. */
  int stop() throws InterruptedException {
    return process.stop(Duration.ofSeconds(15));
  }

  /** Kills it if it still runs (cleanup after a failure). */
  void killIfRunning() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.kill();
    }
  }

  /** What the exec notifier's script wrote so far, one line per run. */
  List<String> execLines() throws IOException {
    String text = Files.readString(execLog());
    return text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
  }

  String log() throws IOException {
    return process == null ? "" : process.logText();
  }
}
