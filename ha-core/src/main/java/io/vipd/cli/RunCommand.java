package io.vipd.cli;

import io.vipd.config.ConfigException;
import io.vipd.config.ConfigLoader;
import io.vipd.config.ConfigProblem;
import io.vipd.config.Secrets;
import io.vipd.config.VipdConfig;
import io.vipd.daemon.Daemon;
import io.vipd.daemon.StartupException;
import io.vipd.plugin.PluginHost;
import io.vipd.plugin.PluginLoadException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vipd run -c FILE}: runs every configured instance until SIGTERM or SIGINT. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the daemon (instances, checks, notifiers, API).",
      "SIGTERM/SIGINT: resign (priority-0 adverts), remove the VIPs, exit 0. SIGHUP keeps it running (no live"
          + " reload yet); SIGUSR1 logs each instance's state. Instances put in maintenance before a restart"
          + " start in maintenance (the state directory: state-directory, else $STATE_DIRECTORY, else"
          + " /var/lib/vipd)."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:stopped by SIGTERM or SIGINT",
      "1:cannot start (plugins, capabilities, interfaces, address conflict)",
      "2:invalid configuration"
    })
public final class RunCommand implements Callable<Integer> {
  /** How long resigning may take after SIGTERM before the process exits anyway. */
  static final Duration STOP_BUDGET = Duration.ofMillis(400);

  @Spec private CommandSpec spec;

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "the YAML configuration")
  private Path file;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    VipdConfig config;
    try {
      config = new ConfigLoader().load(file);
    } catch (ConfigException e) {
      e.problems().forEach(err::println);
      err.flush();
      return ValidateCommand.INVALID;
    }
    PluginHost plugins;
    try {
      plugins = PluginHost.loadIfPresent(config.pluginsDirectory(), Daemon.BUILT_INS);
    } catch (PluginLoadException e) {
      err.println("vipd: cannot load plugins from " + config.pluginsDirectory() + ":");
      e.problems().forEach(p -> err.println("  - " + p));
      err.flush();
      return 1;
    }
    Daemon daemon;
    try {
      daemon = Daemon.start(config, plugins, new Secrets(System::getenv, configDirectory()));
    } catch (ConfigException e) {
      plugins.close();
      for (ConfigProblem problem : e.problems()) {
        err.println(problem);
      }
      err.flush();
      return ValidateCommand.INVALID;
    } catch (StartupException e) {
      plugins.close();
      e.problems().forEach(p -> err.println("vipd: " + p));
      err.flush();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop = () -> {
      if (!stopping.compareAndSet(false, true)) {
        return;
      }
      daemon.stop(STOP_BUDGET);
      plugins.close();
      stopped.countDown();
    };
    Signals.install(daemon, stop);
    // a JVM that exits another way (System.exit, a fatal error in a plugin) still resigns first
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "vipd-exit"));
    stopped.await();
    return 0;
  }

  private Path configDirectory() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of("/") : parent;
  }
}
