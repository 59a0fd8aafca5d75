package io.vipd.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/** Entry point of the {@code vipd} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (separate from {@link #main} so tests can call it). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The {@code vipd} command with every subcommand, those other modules contribute included. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new VipdCommand());
    for (VipdSubcommand contributed : ServiceLoader.load(VipdSubcommand.class)) {
      commandLine.addSubcommand(contributed);
    }
    commandLine.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandList());
    return commandLine;
  }
}
