package io.vipd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code vipd} command; each subcommand is a class of its own. */
@Command(
    name = "vipd",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Keeps a virtual IP on the healthiest host of a group (VRRP v2/v3).",
    subcommands = {RunCommand.class, ValidateCommand.class, StatusCommand.class, MaintenanceCommand.class,
        FailoverCommand.class, ReloadCommand.class, CleanupCommand.class, PluginsCommand.class})
public final class VipdCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** Without a command: the usage, with every command (those other modules add too). */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
