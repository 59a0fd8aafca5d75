package io.vipd.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vipd.config.ApiConfig;
import io.vipd.config.ConfigException;
import io.vipd.config.VipdConfig;
import io.vipd.http.ApiServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vipd status}: asks a running daemon's HTTP API for {@code /status} and prints it as a table. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Shows the instances of a running daemon (state, priority, VIPs, master) from its HTTP API.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the daemon answered", "1:the daemon is not reachable or answered an error",
        "2:the configuration given with -c is invalid"})
public final class StatusCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Spec private CommandSpec spec;

  @Option(names = "--url", paramLabel = "URL",
      description = "the daemon's API, e.g. http://127.0.0.1:9595 (default: api.listen of -c FILE, else "
          + "http://" + ApiConfig.DEFAULT_LISTEN + ")")
  private String url;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "take the API address from this configuration")
  private Path file;

  @Option(names = "--json", description = "print the daemon's JSON as it is")
  private boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String base;
    try {
      base = baseUrl();
    } catch (ConfigException e) {
      e.problems().forEach(err::println);
      err.flush();
      return ValidateCommand.INVALID;
    }
    URI uri;
    try {
      uri = URI.create(base.replaceAll("/+$", "") + "/status");
    } catch (IllegalArgumentException e) {
      err.println("vipd: --url " + base + " is not a URL: " + e.getMessage());
      err.flush();
      return 1;
    }
    HttpResponse<String> response;
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      return unreachable(err, uri, "no answer within " + TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      return unreachable(err, uri, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    if (response.statusCode() != 200) {
      err.println("vipd: " + uri + " answered HTTP " + response.statusCode() + ": " + response.body().strip());
      err.flush();
      return 1;
    }
    if (json) {
      out.print(response.body());
      out.flush();
      return 0;
    }
    try {
      out.print(StatusTable.render(new JsonObject(response.body())));
    } catch (DecodeException | ClassCastException | NullPointerException e) {
      err.println("vipd: " + uri + " did not answer vipd status JSON (" + e.getMessage() + ")");
      err.flush();
      return 1;
    }
    out.flush();
    return 0;
  }

  private String baseUrl() throws ConfigException {
    if (url != null) {
      return url;
    }
    if (file == null) {
      return "http://" + ApiConfig.DEFAULT_LISTEN;
    }
    VipdConfig config = StructuralConfig.load(file, "status");
    ApiConfig api = config.api().orElse(null);
    if (api == null) {
      return "http://" + ApiConfig.DEFAULT_LISTEN;
    }
    return "http://" + ApiServer.address(connectable(api.host()), api.port());
  }

  /** A wildcard listen address is reached over loopback. */
  private static String connectable(String host) {
    return switch (host) {
      case "0.0.0.0" -> "127.0.0.1";
      case "::", "0:0:0:0:0:0:0:0" -> "::1";
      default -> host;
    };
  }

  private static int unreachable(PrintWriter err, URI uri, String why) {
    err.println("vipd: cannot reach the vipd API at " + uri + " (" + why + "). Is the daemon running, with api.listen"
        + " set to that address? Use --url or -c FILE to point at it.");
    err.flush();
    return 1;
  }
}
