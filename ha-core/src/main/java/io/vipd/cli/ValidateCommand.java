package io.vipd.cli;

import io.vipd.config.ConfigException;
import io.vipd.config.ConfigLoader;
import io.vipd.config.ConfigProblem;
import io.vipd.config.VipdConfig;
import io.vipd.plugin.PluginLoadException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vipd validate FILE}: checks a configuration file and lists every problem in it. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a configuration file, listing every problem.",
      "Each problem is printed as FILE:LINE:COLUMN PATH: MESSAGE; plugin settings are checked by the plugins."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the file is valid", "2:the file has problems (listed on stderr)"})
public final class ValidateCommand implements Callable<Integer> {
  /** Exit code for an invalid configuration. */
  public static final int INVALID = 2;

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "the YAML configuration, e.g. /etc/vipd/vipd.yaml")
  private Path file;

  @Option(names = "--plugins", paramLabel = "DIR",
      description = "check plugin settings with the plugins in DIR instead of the configured plugin directory")
  private Path pluginsDirectory;

  @Override
  public Integer call() {
    try {
      VipdConfig config = new ConfigLoader().load(file);
      String pluginNote = PluginSettingsCheck.run(config, file,
          pluginsDirectory != null ? pluginsDirectory : config.pluginsDirectory());
      spec.commandLine().getOut().printf(
          "%s: OK (%d instances, %d checks, %d notifiers)%s%n",
          file, config.instances().size(), config.checks().size(), config.notifiers().size(), pluginNote);
      spec.commandLine().getOut().flush();
      return 0;
    } catch (PluginLoadException e) {
      spec.commandLine().getErr().println("vipd: cannot load plugins:");
      e.problems().forEach(p -> spec.commandLine().getErr().println("  - " + p));
      spec.commandLine().getErr().flush();
      return INVALID;
    } catch (ConfigException e) {
      for (ConfigProblem problem : e.problems()) {
        spec.commandLine().getErr().println(problem);
      }
      spec.commandLine().getErr().flush();
      return INVALID;
    }
  }
}
