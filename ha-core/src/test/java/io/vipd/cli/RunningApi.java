package io.vipd.cli;

import io.vertx.core.Vertx;
import io.vipd.config.ApiConfig;
import io.vipd.config.Secret;
import io.vipd.http.ApiServer;
import io.vipd.http.DaemonStatus;
import io.vipd.http.FakeBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A real {@link ApiServer} on a free loopback port in front of a {@link FakeBackend}, for the CLI's tests. */
final class RunningApi implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final FakeBackend backend;
  private final int port;

  private RunningApi(FakeBackend backend, Optional<String> token) throws Exception {
    this.backend = backend;
    this.port = ApiServer.start(vertx, new ApiConfig("127.0.0.1", 0, token.map(Secret::new)), backend)
        .await(5, TimeUnit.SECONDS).port();
  }

  /** Serves {@code status}; control requests need {@code token} (none: they are refused with 403). */
  static RunningApi start(DaemonStatus status, Optional<String> token) throws Exception {
    return new RunningApi(new FakeBackend(status), token);
  }

  FakeBackend backend() {
    return backend;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** A valid configuration in {@code directory} whose api.listen is this server and api.token {@code token}. */
  Path config(Path directory, String token) throws IOException {
    return Files.writeString(directory.resolve("vipd.yaml"), """
        api:
          listen: 127.0.0.1:%d
        %s
        instances:
          - name: web
            interface: eth0
            vrid: 51
            priority: 150
            vips: [10.99.0.10/24]
        """.formatted(port, token == null ? "" : "  token: " + token));
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(5, TimeUnit.SECONDS);
  }
}
