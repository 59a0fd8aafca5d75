package io.vipd.cli;

import io.vipd.config.ConfigException;
import io.vipd.config.VipdConfig;
import io.vipd.daemon.LeftoverVips;
import io.vipd.net.Capabilities;
import io.vipd.net.Capability;
import io.vipd.net.Rtnetlink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vipd cleanup -c FILE}: takes the configured VIPs off this node's interfaces after a vipd that did
 * not resign (SIGKILL, a crash), so the host stops answering for them before the next start. systemd runs
 * it as ExecStopPost, after every stop and once the daemon's processes are gone.
 */
@Command(
    name = "cleanup",
    mixinStandardHelpOptions = true,
    header = "Removes the VIPs a crashed vipd left on this node (systemd ExecStopPost).",
    description = {
      "Removes the VIPs of FILE's instances that are still on their interfaces, after a vipd that did not "
          + "resign (SIGKILL, a crash): the host stops answering for them at once instead of at the next start.",
      "Keeps the VIPs of priority-255 instances (the address owner), an interface's primary address, and an "
          + "address that is there with another prefix than configured. Refuses while a vipd run serves FILE in "
          + "this network namespace. Prints what it removed; nothing to remove is success."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:removed the leftover VIPs, or there were none",
      "1:a vipd is still running with FILE, or a VIP could not be removed (capability, netlink)",
      "2:invalid configuration"
    })
public final class CleanupCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "the YAML configuration")
  private Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return cleanup(out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int cleanup(PrintWriter out, PrintWriter err) {
    VipdConfig config;
    try {
      config = StructuralConfig.load(file, "cleanup");
    } catch (ConfigException e) {
      e.problems().forEach(err::println);
      return ValidateCommand.INVALID;
    }
    Optional<Long> running = RunningVipd.serving(file);
    if (running.isPresent()) {
      err.println("vipd: a vipd run (pid " + running.get() + ") is serving " + file + "; not removing its VIPs"
          + " from under it. Stop it instead: it resigns and removes them itself");
      return 1;
    }
    try (Rtnetlink netlink = Rtnetlink.open()) {
      LeftoverVips found = LeftoverVips.find(config, netlink);
      found.withoutInterface().forEach(i -> out.println(
          i.name() + ": no interface " + i.interfaceName() + " on this host, nothing to remove there"));
      found.kept().forEach(f -> out.println(f.instance().name() + ": kept " + f.vip().address().getHostAddress()
          + " on " + f.instance().interfaceName() + " (" + f.keptBecause().orElseThrow() + ")"));
      List<LeftoverVips.Found> leftovers = found.leftovers();
      if (leftovers.isEmpty()) {
        out.println("nothing to remove");
        return 0;
      }
      Optional<String> lacking = Capabilities.lacking(Capability.NET_ADMIN);
      if (lacking.isPresent()) {
        err.println("vipd: cannot remove " + cidrs(leftovers) + ": " + lacking.get());
        return 1;
      }
      List<LeftoverVips.Found> stillThere = found.remove();
      leftovers.stream().filter(f -> !stillThere.contains(f)).forEach(f -> out.println(
          f.instance().name() + ": removed " + f.vip().cidr() + " from " + f.instance().interfaceName()));
      if (!stillThere.isEmpty()) {
        err.println("vipd: " + cidrs(stillThere) + " still there after removing; something added it again");
        return 1;
      }
      return 0;
    } catch (IOException e) {
      err.println("vipd: cleanup failed: " + e.getMessage());
      return 1;
    }
  }

  private static String cidrs(List<LeftoverVips.Found> found) {
    return String.join(", ", found.stream().map(f -> f.vip().cidr()).toList());
  }
}
