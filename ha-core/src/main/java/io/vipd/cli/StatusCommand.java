package io.vipd.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vipd status}: asks a running daemon's HTTP API for {@code /status} and prints it as a table. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the running daemon's instances and checks.",
      "Each instance's state, priority, VIPs and master, which instances are in maintenance, and each check's"
          + " status; from the daemon's HTTP API (GET /status)."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the daemon answered", "1:the daemon is not reachable or answered an error",
        "2:the configuration given with -c is invalid"})
public final class StatusCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private ApiOptions api;

  @Option(names = "--json", description = "print the daemon's JSON as it is")
  private boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      DaemonApi.Answer answer = DaemonApi.reading(api).get("/status");
      if (json) {
        out.print(answer.body());
      } else {
        out.print(render(answer));
      }
      out.flush();
      return 0;
    } catch (CommandFailure failure) {
      return failure.report(spec.commandLine().getErr());
    }
  }

  private static String render(DaemonApi.Answer answer) throws CommandFailure {
    try {
      return StatusTable.render(answer.json());
    } catch (ClassCastException | NullPointerException e) {
      throw new CommandFailure(DaemonApi.FAILED,
          "vipd: " + answer.uri() + " did not answer vipd status JSON (" + e.getMessage() + ")");
    }
  }
}
