package io.vipd.cli;

import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The "Commands:" section of {@code vipd --help}: one line per command, never wrapped, so the list reads
 * at a glance. A command's line is its {@code header}, else the first sentence of its description.
 */
final class CommandList implements IHelpSectionRenderer {

  @Override
  public String render(Help help) {
    Map<String, Help> commands = help.subcommands();
    int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder list = new StringBuilder();
    commands.forEach((name, command) -> list.append(String.format("  %-" + width + "s  %s%n", name,
        summary(command.commandSpec().usageMessage()))));
    return list.toString();
  }

  static String summary(UsageMessageSpec usage) {
    if (usage.header().length > 0) {
      return usage.header()[0];
    }
    String description = String.join(" ", usage.description());
    int end = description.indexOf(". ");
    return end < 0 ? description : description.substring(0, end + 1);
  }
}
