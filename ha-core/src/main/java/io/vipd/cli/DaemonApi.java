package io.vipd.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vipd.config.ApiConfig;
import io.vipd.config.ConfigException;
import io.vipd.config.ConfigLoader;
import io.vipd.config.ConfigProblem;
import io.vipd.config.Secret;
import io.vipd.config.Secrets;
import io.vipd.config.VipdConfig;
import io.vipd.http.ApiServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line's one client of a running daemon's HTTP API. The address is {@code --url}, else
 * {@code api.listen} of {@code -c FILE}, else {@code http://127.0.0.1:9595}. Control requests carry the
 * token of {@code --token-file}, else {@code api.token} of {@code -c FILE}, whose {@code ${env:...}} or
 * {@code ${file:...}} reference is resolved here as the daemon resolves it. Every failure becomes a
 * {@link CommandFailure} with a sentence and the exit code; the token is never printed.
 */
final class DaemonApi {
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  /** Exit code: the daemon is not reachable or refused the request. */
  static final int FAILED = 1;
  /** Exit code: the configuration is invalid, or no token can be had. */
  static final int INVALID = ValidateCommand.INVALID;
  private static final String TOKEN_PATH = "api.token";

  private final URI base;
  private final Secret token;
  /** Where the token came from, for the message when the daemon refuses it. */
  private final String tokenSource;

  private DaemonApi(URI base, Secret token, String tokenSource) {
    this.base = base;
    this.token = token;
    this.tokenSource = tokenSource;
  }

  /** For GETs: only the address matters, so a secret this shell cannot resolve does not stop it. */
  static DaemonApi reading(ApiOptions options) throws CommandFailure {
    VipdConfig config = options.url != null || options.file == null ? null : lenientLoad(options.file);
    return new DaemonApi(base(options.url, config), null, null);
  }

  /** For POSTs: the address and the token. */
  static DaemonApi controlling(ControlOptions options) throws CommandFailure {
    ApiOptions api = options.api;
    if (options.tokenFile != null) {
      VipdConfig config = api.url != null || api.file == null ? null : lenientLoad(api.file);
      return new DaemonApi(base(api.url, config), tokenFromFile(options.tokenFile),
          "--token-file " + options.tokenFile);
    }
    if (api.file == null) {
      throw new CommandFailure(INVALID, "vipd: no API token: give -c FILE (its api.token) or --token-file FILE");
    }
    VipdConfig config = loadWithToken(api.file);
    Optional<Secret> configured = config.api().flatMap(ApiConfig::token);
    if (configured.isEmpty()) {
      throw new CommandFailure(INVALID, "vipd: " + api.file + " has no api.token, and the daemon refuses control"
          + " requests without one: set api.token there (and restart vipd), or give --token-file FILE");
    }
    return new DaemonApi(base(api.url, config), configured.get(), "api.token of " + api.file);
  }

  /** {@code GET path}; the answer when it is 200. */
  Answer get(String path) throws CommandFailure {
    return expectOk(send(HttpRequest.newBuilder(uri(path)).GET()));
  }

  /** {@code POST path?query} with the token; the answer when it is 200. */
  Answer post(String path, String... query) throws CommandFailure {
    return expectOk(postAnswer(path, query));
  }

  /**
   * {@code POST path?query} with the token; the answer when it is 200 or {@code accepted} (an answer the
   * command explains itself, such as a refused reload's 422).
   */
  Answer post(int accepted, String path, String... query) throws CommandFailure {
    Answer answer = postAnswer(path, query);
    return answer.status() == accepted ? answer : expectOk(answer);
  }

  private Answer postAnswer(String path, String... query) throws CommandFailure {
    if (token == null) {
      throw new IllegalStateException("a reading client sends no POST");
    }
    StringBuilder target = new StringBuilder(path);
    for (int i = 0; i + 1 < query.length; i += 2) {
      target.append(i == 0 ? '?' : '&').append(query[i]).append('=')
          .append(URLEncoder.encode(query[i + 1], StandardCharsets.UTF_8));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(target.toString())).POST(HttpRequest.BodyPublishers.noBody());
    try {
      request.header("Authorization", "Bearer " + token.reveal());
    } catch (IllegalArgumentException e) { // its message would quote the token
      throw new CommandFailure(INVALID, "vipd: the API token (from " + tokenSource + ") cannot be sent in an HTTP"
          + " header: it holds a line break or another control character");
    }
    return send(request);
  }

  /** One answer of the daemon. */
  record Answer(URI uri, int status, String body) {
    /** The body as JSON, or a failure naming the address. */
    JsonObject json() throws CommandFailure {
      try {
        return new JsonObject(body);
      } catch (DecodeException e) {
        throw new CommandFailure(FAILED, "vipd: " + uri + " did not answer vipd JSON (" + e.getMessage() + ")");
      }
    }

    /** What the daemon said was wrong: the {@code error} of its JSON, else the body. */
    String error() {
      try {
        String error = new JsonObject(body).getString("error");
        return error != null ? error : body.strip();
      } catch (DecodeException | ClassCastException e) {
        return body.strip();
      }
    }
  }

  private Answer expectOk(Answer answer) throws CommandFailure {
    if (answer.status() == 200) {
      return answer;
    }
    String line = "vipd: " + answer.uri() + " answered HTTP " + answer.status() + ": " + answer.error();
    if (answer.status() == 401 && tokenSource != null) {
      line += " (the token came from " + tokenSource + ")";
    }
    throw new CommandFailure(FAILED, line);
  }

  private Answer send(HttpRequest.Builder request) throws CommandFailure {
    HttpRequest built = request.timeout(TIMEOUT).build();
    URI uri = built.uri();
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
      return new Answer(uri, response.statusCode(), response.body());
    } catch (HttpTimeoutException e) {
      throw unreachable(uri, "no answer within " + TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      throw unreachable(uri, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure(FAILED, "vipd: interrupted while waiting for " + uri);
    }
  }

  private URI uri(String path) {
    return URI.create(base.toString().replaceAll("/+$", "") + path);
  }

  private static CommandFailure unreachable(URI uri, String why) {
    return new CommandFailure(FAILED, "vipd: cannot reach the vipd API at " + uri + " (" + why + "). Is the daemon"
        + " running, with api.listen set to that address? Use --url or -c FILE to point at it.");
  }

  private static URI base(String url, VipdConfig config) throws CommandFailure {
    if (url == null) {
      String listen = config == null ? ApiConfig.DEFAULT_LISTEN : config.api()
          .map(api -> ApiServer.address(connectable(api.host()), api.port())).orElse(ApiConfig.DEFAULT_LISTEN);
      return URI.create("http://" + listen);
    }
    try {
      URI uri = URI.create(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // said below
    }
    throw new CommandFailure(FAILED, "vipd: --url " + url + " is not an http:// URL such as http://127.0.0.1:9595");
  }

  /** A wildcard listen address is reached over loopback. */
  private static String connectable(String host) {
    return switch (host) {
      case "0.0.0.0" -> "127.0.0.1";
      case "::", "0:0:0:0:0:0:0:0" -> "::1";
      default -> host;
    };
  }

  private static Secret tokenFromFile(Path file) throws CommandFailure {
    String token;
    try {
      token = Secrets.readFile(file);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(INVALID, "vipd: --token-file: " + e.getMessage());
    }
    if (token.isBlank()) {
      throw new CommandFailure(INVALID, "vipd: --token-file: " + file + " is empty");
    }
    return new Secret(token.strip());
  }

  /**
   * The configuration with {@code api.token} resolved in this shell. Other secrets the daemon sees and this
   * shell does not (a notifier's {@code ${env:...}}) do not matter here, so only problems that remain when
   * unset variables are filled in, or that are the token's own, are reported.
   */
  private static VipdConfig loadWithToken(Path file) throws CommandFailure {
    try {
      return new ConfigLoader().load(file);
    } catch (ConfigException e) {
      List<ConfigProblem> tokenProblems = e.problems().stream().filter(p -> p.path().equals(TOKEN_PATH)).toList();
      if (!tokenProblems.isEmpty()) {
        List<String> lines = new ArrayList<>();
        tokenProblems.forEach(p -> lines.add(p.toString()));
        lines.add("vipd: api.token is resolved in this shell, as the daemon resolves it in its own (sudo drops"
            + " the environment): export the variable, or give --token-file FILE");
        throw new CommandFailure(INVALID, lines);
      }
      return lenientLoad(file);
    }
  }

  private static VipdConfig lenientLoad(Path file) throws CommandFailure {
    try {
      return StructuralConfig.load(file, "cli");
    } catch (ConfigException e) {
      throw new CommandFailure(INVALID, e.problems().stream().map(ConfigProblem::toString).toList());
    }
  }
}
