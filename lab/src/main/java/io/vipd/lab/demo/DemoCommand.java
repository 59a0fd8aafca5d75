package io.vipd.lab.demo;

import io.vipd.cli.VipdSubcommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vipd demo}: a VIP failing over between two nodes in network namespaces, seen from a client. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    header = "Shows a VIP failing over between two nodes on a throwaway namespace LAN.",
    description = {
      "Shows a failover on a throwaway virtual LAN (root).",
      "Two vipd nodes and a client in network namespaces of their own (10.99.0.0/24, nothing touches this"
          + " machine's interfaces). Kills the master, shows the VIP's MAC moving to the backup with the outage"
          + " the client saw, restarts the old master (preemption), then removes everything. Needs root and"
          + " iproute2."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the VIP moved and came back", "1:not root, no `ip`, or a step failed (reason printed)"})
public final class DemoCommand implements Callable<Integer>, VipdSubcommand {
  @Spec private CommandSpec spec;

  @Option(names = "--keep-logs", description = "keep the temporary directory with configs and vipd logs")
  private boolean keepLogs;

  @Override
  public Integer call() throws InterruptedException {
    return new Demo(spec.commandLine().getOut(), keepLogs).run();
  }
}
