package io.vipd.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vipd.config.ApiConfig;
import io.vipd.config.ReloadOutcome;
import io.vipd.config.Secret;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real server on loopback, with a fake daemon behind it. */
class ApiServerTest {
  private static final String TOKEN = "s3cret-token";

  private final Vertx vertx = Vertx.vertx();
  private final FakeBackend backend = new FakeBackend();
  private final HttpClient client = HttpClient.newHttpClient();
  private int port;

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  private ApiServer start(Optional<Secret> token) throws Exception {
    ApiServer server = ApiServer.start(vertx, new ApiConfig("127.0.0.1", 0, token), backend).await(5, TimeUnit.SECONDS);
    port = server.port();
    return server;
  }

  private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void statusIsJsonOfTheSnapshot() throws Exception {
    start(Optional.empty());
    HttpResponse<String> response = send("GET", "/status", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(new JsonObject(response.body())).isEqualTo(StatusJson.render(StatusFixtures.sample()));
  }

  @Test
  void metricsArePrometheusText() throws Exception {
    start(Optional.empty());
    HttpResponse<String> response = send("GET", "/metrics", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body()).contains("vipd_instance_state{instance=\"vi_1\",state=\"MASTER\"} 1\n");
  }

  @Test
  void controlIsRefusedWhenNoTokenIsConfigured() throws Exception {
    start(Optional.empty());
    HttpResponse<String> response = send("POST", "/maintenance?instance=vi_1&enabled=true", "Bearer anything");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(response.body()).getString("error")).contains("no API token is configured");
    assertThat(backend.requests).isEmpty();
  }

  @Test
  void missingOrWrongTokenIsUnauthorised() throws Exception {
    start(Optional.of(new Secret(TOKEN)));

    HttpResponse<String> none = send("POST", "/failover?instance=vi_1", null);
    HttpResponse<String> wrong = send("POST", "/failover?instance=vi_1", "Bearer " + TOKEN + "x");
    HttpResponse<String> basic = send("POST", "/failover?instance=vi_1", "Basic " + TOKEN);

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"vipd\"");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(basic.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain(TOKEN);
    assertThat(backend.requests).isEmpty();
  }

  @Test
  void maintenanceWithTheTokenReachesTheInstance() throws Exception {
    start(Optional.of(new Secret(TOKEN)));

    HttpResponse<String> on = send("POST", "/maintenance?instance=vi_1&enabled=true", "Bearer " + TOKEN);
    HttpResponse<String> off = send("POST", "/maintenance?instance=vi_1&enabled=false", "bearer " + TOKEN);

    assertThat(on.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(on.body()).getBoolean("maintenance")).isTrue();
    assertThat(off.statusCode()).isEqualTo(200);
    assertThat(backend.requests).containsExactly("maintenance vi_1 true", "maintenance vi_1 false");
    assertThat(new JsonObject(on.body()).getBoolean("persisted")).isTrue();
  }

  @Test
  void maintenanceThatCouldNotBeSavedSaysARestartWouldEndIt() throws Exception {
    start(Optional.of(new Secret(TOKEN)));
    backend.persisting = false;

    HttpResponse<String> on = send("POST", "/maintenance?instance=vi_1&enabled=true", "Bearer " + TOKEN);

    assertThat(on.statusCode()).as("the instance is in maintenance all the same").isEqualTo(200);
    JsonObject body = new JsonObject(on.body());
    assertThat(body.getBoolean("persisted")).isFalse();
    assertThat(body.getString("message")).contains("could not save").contains("a restart would end the maintenance");
  }

  @Test
  void badControlRequestsAreExplained() throws Exception {
    start(Optional.of(new Secret(TOKEN)));
    String auth = "Bearer " + TOKEN;

    assertThat(send("POST", "/maintenance?instance=nope&enabled=true", auth).statusCode()).isEqualTo(404);
    assertThat(send("POST", "/maintenance?instance=vi_1&enabled=yes", auth).statusCode()).isEqualTo(400);
    assertThat(send("POST", "/failover", auth).statusCode()).isEqualTo(400);
    assertThat(send("GET", "/failover?instance=vi_1", auth).statusCode()).isEqualTo(405);
    assertThat(send("GET", "/nothing", null).statusCode()).isEqualTo(404);
    assertThat(backend.requests).isEmpty();
  }

  @Test
  void failoverOfAMasterSucceedsAndOfABackupIsAConflict() throws Exception {
    start(Optional.of(new Secret(TOKEN)));

    HttpResponse<String> handedOver = send("POST", "/failover?instance=vi_1", "Bearer " + TOKEN);
    backend.master = false;
    HttpResponse<String> notMaster = send("POST", "/failover?instance=vi_1", "Bearer " + TOKEN);

    assertThat(handedOver.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(handedOver.body()).getBoolean("handed_over")).isTrue();
    assertThat(notMaster.statusCode()).isEqualTo(409);
    assertThat(new JsonObject(notMaster.body()).getString("error")).contains("not MASTER");
  }

  @Test
  void aBusyPortFailsWithASentenceNamingApiListen() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      ApiConfig config = new ApiConfig("127.0.0.1", busy.getLocalPort(), Optional.empty());
      assertThatThrownBy(() -> ApiServer.start(vertx, config, backend).await(5, TimeUnit.SECONDS))
          .satisfies(e -> assertThat(ApiServer.bindFailure(config, e))
              .startsWith("cannot serve the HTTP API on 127.0.0.1:" + busy.getLocalPort() + ": ")
              .contains("in use")
              .contains("api.listen"));
    }
  }

  @Test
  void reloadAnswersThePlanAndDryRunIsPassedOn() throws Exception {
    start(Optional.of(new Secret(TOKEN)));
    HttpResponse<String> applied = send("POST", "/reload", "Bearer " + TOKEN);
    HttpResponse<String> planned = send("POST", "/reload?dry-run=true", "Bearer " + TOKEN);

    assertThat(applied.statusCode()).isEqualTo(200);
    JsonObject body = new JsonObject(applied.body());
    assertThat(body.getBoolean("applied")).isTrue();
    assertThat(body.getJsonArray("plan").getList()).containsExactly("instance web: unchanged");
    assertThat(planned.statusCode()).isEqualTo(200);
    assertThat(backend.requests).containsExactly("reload", "reload dry-run");
  }

  @Test
  void aRefusedReloadIsUnprocessableWithEveryProblem() throws Exception {
    start(Optional.of(new Secret(TOKEN)));
    backend.reloadOutcome = ReloadOutcome.refused("/etc/vipd/vipd.yaml",
        List.of("/etc/vipd/vipd.yaml:3:5 instances.web.priority: must be 1..255", "node: cannot change"));
    HttpResponse<String> response = send("POST", "/reload", "Bearer " + TOKEN);

    assertThat(response.statusCode()).isEqualTo(422);
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getBoolean("applied")).isFalse();
    assertThat(body.getJsonArray("problems").getList()).hasSize(2);
  }

  @Test
  void reloadNeedsTheToken() throws Exception {
    start(Optional.of(new Secret(TOKEN)));

    assertThat(send("POST", "/reload", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/reload", "Bearer " + TOKEN).statusCode()).isEqualTo(405);
    assertThat(backend.requests).isEmpty();
  }

  @Test
  void aRotatedTokenTakesEffectAtOnce() throws Exception {
    ApiServer server = start(Optional.of(new Secret(TOKEN)));
    server.useToken(Optional.of(new Secret("rotated")));

    assertThat(send("POST", "/failover?instance=vi_1", "Bearer " + TOKEN).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/failover?instance=vi_1", "Bearer rotated").statusCode()).isEqualTo(200);
  }
}
