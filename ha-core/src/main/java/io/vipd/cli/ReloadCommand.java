package io.vipd.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vipd reload [-c FILE] [--dry-run]}: the running daemon reads its file again and applies the difference. */
@Command(
    name = "reload",
    mixinStandardHelpOptions = true,
    description = {
      "Applies a changed configuration file to the running daemon.",
      "What did not change keeps running (state, VIPs, adverts, check status); a file with any problem is"
          + " refused whole and its problems printed as FILE:LINE:COLUMN. --dry-run prints the plan only. Uses"
          + " the API (POST /reload) with the token of api.token or --token-file; without an API, send SIGHUP"
          + " (systemctl reload vipd)."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:applied (or planned, with --dry-run)",
        "1:the daemon is not reachable or refused the request (401, 403)",
        "2:the file is invalid (nothing changed), or no token"})
public final class ReloadCommand implements Callable<Integer> {
  /** Where the unit keeps the configuration, when -c is not given. */
  static final Path DEFAULT_CONFIG = Path.of("/etc/vipd/vipd.yaml");
  private static final int REFUSED = 422;

  @Spec private CommandSpec spec;

  @Mixin private ControlOptions options;

  @Option(names = "--dry-run", description = "print what the reload would change, and change nothing")
  private boolean dryRun;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (options.api.file == null && options.tokenFile == null && Files.exists(DEFAULT_CONFIG)) {
      options.api.file = DEFAULT_CONFIG;
    }
    try {
      DaemonApi api = DaemonApi.controlling(options);
      JsonObject answer = dryRun
          ? api.post(REFUSED, "/reload", "dry-run", "true").json()
          : api.post(REFUSED, "/reload").json();
      String file = answer.getString("file", "?");
      JsonArray problems = answer.getJsonArray("problems", new JsonArray());
      if (!problems.isEmpty()) {
        problems.forEach(err::println);
        err.println("vipd: the daemon refused " + file + "; its running configuration stays");
        err.flush();
        return ValidateCommand.INVALID;
      }
      out.println(dryRun ? "plan for " + file + " (dry run, nothing applied):" : "reload of " + file + " applied:");
      answer.getJsonArray("plan", new JsonArray()).forEach(line -> out.println("  " + line));
      out.flush();
      warnIfAnotherFile(err, file);
      return 0;
    } catch (CommandFailure failure) {
      return failure.report(err);
    }
  }

  /** The daemon reloads the file it was started with; -c only tells this command where the API is. */
  private void warnIfAnotherFile(PrintWriter err, String daemonFile) {
    if (options.api.file != null && !same(options.api.file, Path.of(daemonFile))) {
      err.println("vipd: note: the daemon reads " + daemonFile + ", not " + options.api.file);
      err.flush();
    }
  }

  private static boolean same(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
