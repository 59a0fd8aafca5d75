package io.vipd.cli;

import io.vipd.config.ApiConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the commands that talk to a running daemon find its API. */
final class ApiOptions {
  @Option(names = "--url", paramLabel = "URL",
      description = "the daemon's API, e.g. http://127.0.0.1:9595 (default: api.listen of -c FILE, else "
          + "http://" + ApiConfig.DEFAULT_LISTEN + ")")
  String url;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "the daemon's configuration: its api.listen (and api.token for control commands)")
  Path file;
}
