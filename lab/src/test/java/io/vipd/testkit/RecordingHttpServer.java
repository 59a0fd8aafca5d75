package io.vipd.testkit;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A real HTTP server on 127.0.0.1 (a free port) standing in for a webhook or Slack endpoint in
 * notifier tests. It records every request (with the server-side receive time) and lets the scenario
 * decide the answer, including no answer at all. Shared with the notify plugins through ha-core's
 * test jar.
 */
public final class RecordingHttpServer implements AutoCloseable {

  /** One request as the server saw it. */
  public record Received(long receivedNanos, String path, MultiMap headers, String body) {}

  /** Answers request number {@code index} (1-based); may also never answer. */
  @FunctionalInterface
  public interface Responder {
    void respond(int index, HttpServerRequest request);
  }

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();

  private RecordingHttpServer(HttpServer server) {
    this.server = server;
  }

  /** Starts a server answering every request with {@code responder}. */
  public static RecordingHttpServer start(Vertx vertx, Responder responder) {
    List<RecordingHttpServer> self = new ArrayList<>(1);
    HttpServer server =
        vertx
            .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .requestHandler(
                request -> {
                  long at = System.nanoTime();
                  request
                      .body()
                      .onSuccess(
                          body ->
                              responder.respond(
                                  self.get(0).record(at, request, body.toString()), request));
                });
    RecordingHttpServer recording = new RecordingHttpServer(server);
    self.add(recording);
    server.listen().await();
    return recording;
  }

  /** Always answers {@code status} with an empty body. */
  public static Responder always(int status) {
    return (index, request) -> request.response().setStatusCode(status).end();
  }

  public int port() {
    return server.actualPort();
  }

  /** {@code http://127.0.0.1:<port><path>}. */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** Every request so far, in arrival order. */
  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  @Override
  public void close() {
    server.close().await();
  }

  private int record(long at, HttpServerRequest request, String body) {
    synchronized (received) {
      received.add(new Received(at, request.path(), MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), body));
      return received.size();
    }
  }
}
