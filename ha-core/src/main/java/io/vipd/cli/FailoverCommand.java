package io.vipd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vipd failover INSTANCE}: the running daemon's master hands the instance's VIPs to a backup. */
@Command(
    name = "failover",
    mixinStandardHelpOptions = true,
    description = {
      "Hands an instance's VIPs from this master to a backup.",
      "The master resigns with a priority-0 advert, the best backup takes over after its skew time, and this"
          + " node goes on as a backup. A node that preempts with a higher priority takes the VIP back, as VRRP"
          + " says: use `vipd maintenance INSTANCE on` to keep it away. Uses the API (POST /failover) with the"
          + " token of api.token or --token-file."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:handed over",
        "1:the daemon is not reachable, refused (401, 403, unknown instance), or is not master (409)",
        "2:invalid configuration or arguments, or no token"})
public final class FailoverCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INSTANCE", description = "the instance's name, as in the configuration")
  private String instance;

  @Mixin private ControlOptions options;

  @Override
  public Integer call() {
    try {
      String message = DaemonApi.controlling(options).post("/failover", "instance", instance).json()
          .getString("message", "handed over");
      spec.commandLine().getOut().println(message);
      spec.commandLine().getOut().flush();
      return 0;
    } catch (CommandFailure failure) {
      return failure.report(spec.commandLine().getErr());
    }
  }
}
