package io.vipd.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.config.ApiConfig;
import io.vipd.config.ReloadOutcome;
import io.vipd.config.Secret;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTP API on Vert.x core's server:
 * <ul>
 *   <li>{@code GET /status}: {@link StatusJson};
 *   <li>{@code GET /metrics}: {@link PrometheusText};
 *   <li>{@code POST /maintenance?instance=NAME&enabled=true|false}: FAULT with reason {@code maintenance}
 *       (the instance gives up its VIPs) or back, saved so that it survives a restart ({@code persisted});
 *   <li>{@code POST /failover?instance=NAME}: a master hands over to a backup (409 when not master);
 *   <li>{@code POST /reload[?dry-run=true]}: re-reads the daemon's configuration file and applies the
 *       difference, or only plans it; 422 with every problem when the file is refused.
 * </ul>
 * POSTs need {@code Authorization: Bearer <token>}: 403 when no token is configured, 401 when it is
 * missing or wrong. Errors are JSON {@code {"error": "..."}}. Neither the token nor the header is logged.
 */
public final class ApiServer {
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
  private static final String JSON = "application/json; charset=utf-8";
  private static final Map<String, HttpMethod> ROUTES = Map.of(
      "/status", HttpMethod.GET, "/metrics", HttpMethod.GET,
      "/maintenance", HttpMethod.POST, "/failover", HttpMethod.POST, "/reload", HttpMethod.POST);

  private final HttpServer server;
  private final Endpoints endpoints;

  private ApiServer(HttpServer server, Endpoints endpoints) {
    this.server = server;
    this.endpoints = endpoints;
  }

  /** Listens on {@code config}'s address; fails when it cannot bind. */
  public static Future<ApiServer> start(Vertx vertx, ApiConfig config, ApiBackend backend) {
    Endpoints endpoints = new Endpoints(backend, new BearerToken(config.token()));
    return vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port()))
        .requestHandler(endpoints::handle)
        .listen()
        .map(server -> new ApiServer(server, endpoints))
        .onSuccess(api -> log.info("API listening on {}", address(config.host(), api.port())));
  }

  /** From now on control requests need {@code token} (a reload rotated it); none: they are refused. */
  public void useToken(Optional<Secret> token) {
    endpoints.token = new BearerToken(token);
  }

  /** The port it listens on (useful when configured with 0). */
  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server.close();
  }

  /** {@code host:port}, IPv6 hosts in brackets. */
  public static String address(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** The sentence for a failed bind, naming the address and the setting to change. */
  public static String bindFailure(ApiConfig config, Throwable cause) {
    String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return "cannot serve the HTTP API on " + address(config.host(), config.port()) + ": " + why
        + ". Another process may use that port: change api.listen, or remove api: to run without the API";
  }

  private static final class Endpoints {
    private final ApiBackend backend;
    private volatile BearerToken token;

    Endpoints(ApiBackend backend, BearerToken token) {
      this.backend = backend;
      this.token = token;
    }

    void handle(HttpServerRequest request) {
      String path = request.path();
      HttpMethod allowed = ROUTES.get(path);
      if (allowed == null) {
        error(request, 404, "no such endpoint: " + path + " (try GET /status or GET /metrics)");
        return;
      }
      if (!request.method().equals(allowed)) {
        request.response().putHeader("Allow", allowed.name());
        error(request, 405, path + " answers " + allowed.name() + " only");
        return;
      }
      try {
        switch (path) {
          case "/status" -> request.response().putHeader("Content-Type", JSON)
              .end(StatusJson.render(backend.status()).encodePrettily() + "\n");
          case "/metrics" -> request.response().putHeader("Content-Type", PrometheusWriter.CONTENT_TYPE)
              .end(PrometheusText.render(backend.status()));
          default -> control(request, path);
        }
      } catch (RuntimeException e) {
        log.warn("API {} {} failed", request.method(), path, e);
        error(request, 500, "internal error: " + e);
      }
    }

    private void control(HttpServerRequest request, String path) {
      BearerToken.Verdict verdict = token.check(request.getHeader("Authorization"));
      if (verdict == BearerToken.Verdict.NOT_CONFIGURED) {
        error(request, 403, "no API token is configured (api.token), so control requests are disabled");
        return;
      }
      if (verdict == BearerToken.Verdict.REJECTED) {
        request.response().putHeader("WWW-Authenticate", "Bearer realm=\"vipd\"");
        error(request, 401, "missing or wrong bearer token (Authorization: Bearer <api.token>)");
        return;
      }
      if (path.equals("/reload")) {
        reload(request);
        return;
      }
      String instance = request.getParam("instance");
      if (instance == null || instance.isBlank()) {
        error(request, 400, "the instance parameter is required: " + path + "?instance=NAME");
        return;
      }
      if (!backend.hasInstance(instance)) {
        error(request, 404, "no instance named '" + instance + "'");
        return;
      }
      if (path.equals("/maintenance")) {
        maintenance(request, instance);
      } else {
        failover(request, instance);
      }
    }

    private void maintenance(HttpServerRequest request, String instance) {
      String enabled = request.getParam("enabled");
      if (!"true".equals(enabled) && !"false".equals(enabled)) {
        error(request, 400, "the enabled parameter must be true or false: /maintenance?instance="
            + instance + "&enabled=true");
        return;
      }
      boolean on = Boolean.parseBoolean(enabled);
      log.info("API: maintenance {} for instance {} requested by {}", on ? "on" : "off", instance,
          request.remoteAddress());
      backend.setMaintenance(instance, on).onComplete(saved -> {
        boolean persisted = saved.succeeded() && saved.result();
        String message = on
            ? "instance " + instance + " goes to FAULT (maintenance) and gives up its VIPs"
            : "instance " + instance + " leaves maintenance";
        json(request, 200, new JsonObject().put("instance", instance).put("maintenance", on)
            .put("persisted", persisted)
            .put("message", persisted ? message : message + ", but the daemon could not save that in its state"
                + " directory (see its log): a restart would " + (on ? "end the maintenance" : "put it back in maintenance")));
      });
    }

    private void failover(HttpServerRequest request, String instance) {
      log.info("API: failover of instance {} requested by {}", instance, request.remoteAddress());
      backend.failover(instance).onComplete(ar -> {
        if (ar.failed()) {
          error(request, 500, "failover failed: " + ar.cause());
        } else if (ar.result()) {
          json(request, 200, new JsonObject().put("instance", instance).put("handed_over", true)
              .put("message", "instance " + instance + " resigned (priority 0); a backup takes over"));
        } else {
          error(request, 409, "instance " + instance + " is not MASTER here, so there is nothing to hand over");
        }
      });
    }

    private void reload(HttpServerRequest request) {
      boolean dryRun = "true".equals(request.getParam("dry-run"));
      log.info("API: reload{} requested by {}", dryRun ? " (dry run)" : "", request.remoteAddress());
      backend.reload(dryRun).onComplete(ar -> {
        if (ar.failed()) {
          error(request, 500, "reload failed: " + ar.cause());
          return;
        }
        ReloadOutcome outcome = ar.result();
        JsonObject body = new JsonObject().put("file", outcome.file()).put("applied", outcome.applied())
            .put("dry_run", dryRun).put("plan", new JsonArray(outcome.plan()))
            .put("problems", new JsonArray(outcome.problems()));
        if (outcome.refused()) {
          body.put("error", "the configuration was refused; the running one stays");
        }
        json(request, outcome.refused() ? 422 : 200, body);
      });
    }

    private static void error(HttpServerRequest request, int status, String message) {
      json(request, status, new JsonObject().put("error", message));
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
      request.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body.encode() + "\n");
    }
  }
}
