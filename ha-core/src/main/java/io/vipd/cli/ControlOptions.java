package io.vipd.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the commands that change a running daemon need: its API and the token POSTs must carry. */
final class ControlOptions {
  @Mixin ApiOptions api;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "read the API token from FILE (one trailing newline ignored) instead of api.token of -c FILE")
  Path tokenFile;
}
