package io.vipd.cli;

import io.vertx.core.Vertx;
import io.vipd.config.ConfigException;
import io.vipd.config.ConfigLoader;
import io.vipd.config.ConfigProblem;
import io.vipd.config.InstanceConfig;
import io.vipd.config.Secrets;
import io.vipd.config.VipdConfig;
import io.vipd.daemon.Daemon;
import io.vipd.daemon.Extensions;
import io.vipd.plugin.PluginHost;
import io.vipd.plugin.PluginLoadException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vipd validate FILE}: checks a configuration file and lists every problem in it. When the plugin
 * directory exists (it does in an installed distribution), the settings of every check, notifier and
 * transport are also checked by their plugins, so a file that validates is not rejected by {@code vipd
 * run} for a plugin key.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Checks a configuration file; prints every problem as FILE:LINE:COLUMN PATH: MESSAGE.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the file is valid", "2:the file has problems (listed on stderr)"})
public final class ValidateCommand implements Callable<Integer> {
  /** Exit code for an invalid configuration. */
  public static final int INVALID = 2;

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "the YAML configuration, e.g. /etc/vipd/vipd.yaml")
  private Path file;

  @Override
  public Integer call() {
    try {
      VipdConfig config = new ConfigLoader().load(file);
      checkPluginSettings(config);
      spec.commandLine().getOut().printf(
          "%s: OK (%d instances, %d checks, %d notifiers)%n",
          file, config.instances().size(), config.checks().size(), config.notifiers().size());
      spec.commandLine().getOut().flush();
      return 0;
    } catch (ConfigException e) {
      for (ConfigProblem problem : e.problems()) {
        spec.commandLine().getErr().println(problem);
      }
      spec.commandLine().getErr().flush();
      return INVALID;
    }
  }

  /** The plugins' own validation, as {@code vipd run} does it at start-up; nothing is connected or opened. */
  private void checkPluginSettings(VipdConfig config) throws ConfigException {
    if (!Files.isDirectory(config.pluginsDirectory())) {
      return;
    }
    PluginHost plugins;
    try {
      plugins = PluginHost.load(config.pluginsDirectory(), Daemon.BUILT_INS);
    } catch (PluginLoadException e) {
      return; // vipd run reports these itself, with exit code 1: they are not the file's problems
    }
    Vertx vertx = Vertx.vertx();
    try {
      Path parent = file.toAbsolutePath().getParent();
      Extensions extensions = new Extensions(config, plugins, vertx,
          new Secrets(System::getenv, parent == null ? Path.of("/") : parent));
      extensions.checks();
      extensions.notifiers();
      for (InstanceConfig instance : config.instances()) {
        extensions.transport(instance, instance.sourceAddress().orElse(anyAddress(instance)));
      }
      extensions.throwIfProblems();
    } finally {
      vertx.close();
      plugins.close();
    }
  }

  /** Stands in for the interface's address, which only the machine running the instance knows. */
  private static InetAddress anyAddress(InstanceConfig instance) {
    try {
      return InetAddress.getByName(instance.ipv6() ? "::" : "0.0.0.0");
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a literal address never needs a lookup", e);
    }
  }
}
