package io.vipd.e2e.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stands in for a webhook receiver and Slack: a tiny HTTP server, run as its own JVM inside a lab
 * namespace, that appends every request it gets as one JSON line (path, headers, raw body, receive
 * time, the status it answered) to a file the test reads. Every request is answered {@code 200 ok},
 * except that a path given as {@code PATH=STATUSxCOUNT} on the command line is first answered
 * {@code STATUS} COUNT times (a receiver having an outage).
 *
 * <p>Usage: {@code HookRecorder ADDRESS RECORD_FILE [PATH=STATUSxCOUNT ...]}. Prints {@code listening
 * on PORT} once it accepts requests; requests are handled one at a time, so lines are in arrival order.
 */
public final class HookRecorder {
  static final String READY = "listening on ";

  private final Writer record;
  private final Map<String, int[]> failures;

  private HookRecorder(Writer record, Map<String, int[]> failures) {
    this.record = record;
    this.failures = failures;
  }

  public static void main(String[] args) throws IOException {
    Map<String, int[]> failures = new HashMap<>();
    for (String rule : List.of(args).subList(2, args.length)) {
      String[] pathAndOutcome = rule.split("=", 2);
      String[] statusAndCount = pathAndOutcome[1].split("x", 2);
      failures.put(pathAndOutcome[0],
          new int[] {Integer.parseInt(statusAndCount[0]), Integer.parseInt(statusAndCount[1])});
    }
    Writer record = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    HookRecorder recorder = new HookRecorder(record, failures);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(args[0]), 0), 50);
    server.createContext("/", recorder::handle);
    server.start(); // the default executor is one thread: one request at a time
    System.out.println(READY + server.getAddress().getPort());
    System.out.flush();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long receivedAt = System.currentTimeMillis();
    byte[] body = exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getPath();
    int status = statusFor(path);
    JsonObject headers = new JsonObject();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    JsonObject line = new JsonObject()
        .put("path", path)
        .put("method", exchange.getRequestMethod())
        .put("headers", headers)
        .put("body", Base64.getEncoder().encodeToString(body))
        .put("receivedAt", receivedAt)
        .put("status", status);
    record.write(line.encode() + "\n");
    record.flush();
    byte[] answer = (status == 200 ? "ok" : "unavailable").getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  private int statusFor(String path) {
    int[] failure = failures.get(path);
    if (failure != null && failure[1] > 0) {
      failure[1]--;
      return failure[0];
    }
    return 200;
  }
}
