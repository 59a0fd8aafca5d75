package io.vipd.cli;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vipd maintenance INSTANCE on|off}: drains an instance of the running daemon, or ends that. */
@Command(
    name = "maintenance",
    mixinStandardHelpOptions = true,
    description = {
      "Drains an instance (on) or brings it back (off).",
      "on: the instance goes to FAULT (reason maintenance) and gives up its VIPs; a priority-0 advert lets a"
          + " backup take over at once. The daemon saves it in its state directory, so the instance stays"
          + " drained across a restart or a reboot until `off`. Uses the API (POST /maintenance) with the"
          + " token of api.token or --token-file."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:done (and saved by the daemon)",
        "1:the daemon is not reachable, refused (401, 403, unknown instance), or could not save the change",
        "2:invalid configuration or arguments, or no token"})
public final class MaintenanceCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INSTANCE", description = "the instance's name, as in the configuration")
  private String instance;

  @Parameters(index = "1", paramLabel = "on|off", description = "on: into maintenance; off: out of it")
  private String onOff;

  @Mixin private ControlOptions options;

  @Override
  public Integer call() {
    if (!onOff.equals("on") && !onOff.equals("off")) {
      throw new ParameterException(spec.commandLine(), "expected on or off, got '" + onOff + "'");
    }
    boolean enabled = onOff.equals("on");
    try {
      JsonObject answer = DaemonApi.controlling(options)
          .post("/maintenance", "instance", instance, "enabled", String.valueOf(enabled)).json();
      String message = answer.getString("message", "done");
      if (!answer.getBoolean("persisted", true)) {
        return new CommandFailure(DaemonApi.FAILED, "vipd: " + message).report(spec.commandLine().getErr());
      }
      spec.commandLine().getOut().println(message);
      spec.commandLine().getOut().flush();
      return 0;
    } catch (CommandFailure failure) {
      return failure.report(spec.commandLine().getErr());
    }
  }

}
