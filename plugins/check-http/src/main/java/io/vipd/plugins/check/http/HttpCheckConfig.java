package io.vipd.plugins.check.http;

import io.vipd.api.SettingsReader;
import io.vertx.core.json.JsonObject;
import io.vipd.api.PluginConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code type: http} configuration.
 *
 * @param method the HTTP method (default GET)
 * @param url an absolute http:// or https:// URL
 * @param headers request headers
 * @param expectStatus accepted status codes; empty means any 2xx
 * @param bodyContains text the body must contain, or null
 * @param bodyRegex a pattern that must be found in the body, or null
 * @param caFile PEM file of the CA that signs the server's certificate, or null for the JVM's trust store
 * @param insecure accept any certificate and host name (explicit opt-in, never the default)
 * @param requestTimeout bound on connecting and on the whole exchange ({@code request-timeout}, default 2s)
 * @param degradedLatency above this the check is DEGRADED, or null
 */
record HttpCheckConfig(String method, String url, Map<String, String> headers, List<Integer> expectStatus,
    String bodyContains, Pattern bodyRegex, Path caFile, boolean insecure, Duration requestTimeout,
    Duration degradedLatency) {

  static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "OPTIONS");
  private static final Set<String> KEYS = Set.of("method", "url", "headers", "expect-status", "body-contains",
      "body-regex", "ca-file", "insecure", "request-timeout", "degraded-latency");

  boolean statusAccepted(int status) {
    return expectStatus.isEmpty() ? status >= 200 && status <= 299 : expectStatus.contains(status);
  }

  static HttpCheckConfig parse(JsonObject config) throws PluginConfigException {
    SettingsReader reader = new SettingsReader(config, KEYS);
    String method = reader.optionalString("method");
    if (method != null && !METHODS.contains(method)) {
      reader.problem("method", "must be one of " + METHODS.stream().sorted().toList());
    }
    String url = reader.requiredString("url");
    if (url != null) {
      try {
        URI uri = new URI(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
          reader.problem("url", "must be an absolute http:// or https:// URL with a host");
        }
      } catch (URISyntaxException e) {
        reader.problem("url", "is not a valid URL: " + e.getMessage());
      }
    }
    Map<String, String> headers = reader.optionalStringMap("headers");
    List<Integer> expectStatus = reader.optionalIntList("expect-status", 100, 599);
    String bodyContains = reader.optionalString("body-contains");
    Pattern bodyRegex = null;
    String regex = reader.optionalString("body-regex");
    if (regex != null) {
      try {
        bodyRegex = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        reader.problem("body-regex", "is not a valid regular expression: " + e.getDescription());
      }
    }
    String ca = reader.optionalString("ca-file");
    Path caFile = ca == null ? null : Path.of(ca);
    if (caFile != null && !Files.isReadable(caFile)) {
      reader.problem("ca-file", "cannot read " + caFile);
    }
    boolean insecure = reader.optionalBoolean("insecure", false);
    if (insecure && caFile != null) {
      reader.problem("insecure", "cannot be combined with ca-file: either verify against the CA or not at all");
    }
    if ((insecure || caFile != null) && url != null && url.startsWith("http://")) {
      reader.problem(insecure ? "insecure" : "ca-file", "only applies to https:// URLs");
    }
    Duration requestTimeout = reader.optionalDuration("request-timeout");
    Duration degraded = reader.optionalDuration("degraded-latency");
    reader.done();
    return new HttpCheckConfig(method == null ? "GET" : method, url, Map.copyOf(headers),
        expectStatus == null ? List.of() : List.copyOf(expectStatus), bodyContains, bodyRegex, caFile, insecure,
        requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout, degraded);
  }
}
