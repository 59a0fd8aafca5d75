package io.vipd.e2e.notify;

import static org.awaitility.Awaitility.await;

import io.vipd.lab.LabHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link HookRecorder} running inside a lab host, where the vipd nodes can reach it (the test JVM's
 * own loopback is not reachable from their namespaces). The lab stops its process on close.
 */
final class InLabHookServer {
  private final LabHost host;
  private final Path record;
  private final int port;

  private InLabHookServer(LabHost host, Path record, int port) {
    this.host = host;
    this.record = record;
    this.port = port;
  }

  /**
   * Starts the recorder in {@code host}, keeping its files in {@code dir}; {@code failureRules} are
   * {@code PATH=STATUSxCOUNT} (see {@link HookRecorder}).
   */
  static InLabHookServer start(LabHost host, Path dir, String... failureRules) throws IOException {
    Path record = dir.resolve("requests.jsonl");
    Path log = dir.resolve("hook-recorder.log");
    Files.writeString(record, "");
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx64m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), HookRecorder.class.getName(),
        host.ipv4(), record.toString()));
    command.addAll(List.of(failureRules));
    Process process = host.spawn(command, log.toFile());
    String[] ready = new String[1];
    await("hook recorder listening in " + host.name()).atMost(Duration.ofSeconds(30)).until(() -> {
      if (!process.isAlive()) {
        throw new IllegalStateException("hook recorder exited: " + Files.readString(log));
      }
      ready[0] = Files.readString(log).lines().filter(l -> l.startsWith(HookRecorder.READY)).findFirst().orElse(null);
      return ready[0] != null;
    });
    return new InLabHookServer(host, record, Integer.parseInt(ready[0].substring(HookRecorder.READY.length()).trim()));
  }

  /** The URL of {@code path} as the lab hosts reach it. */
  String url(String path) {
    return "http://" + host.ipv4() + ":" + port + path;
  }

  /** Every request to {@code path} so far, in arrival order, failed attempts included. */
  List<RecordedRequest> requests(String path) {
    try {
      String text = Files.readString(record);
      // the recorder may be half-way through a line: only complete lines count
      List<String> lines = text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
      return lines.stream().filter(l -> !l.isBlank()).map(RecordedRequest::parse)
          .filter(r -> r.path().equals(path)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The requests to {@code path} that were answered 2xx: the delivered notifications. */
  List<RecordedRequest> delivered(String path) {
    return requests(path).stream().filter(RecordedRequest::accepted).toList();
  }

  private static String java() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
