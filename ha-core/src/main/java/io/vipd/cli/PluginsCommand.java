package io.vipd.cli;

import io.vipd.plugin.BuiltIns;
import io.vipd.plugin.ExtensionKind;
import io.vipd.plugin.LoadedPlugin;
import io.vipd.plugin.PluginHost;
import io.vipd.plugin.PluginLoadException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vipd plugins}: loads the plugin directory as the daemon would and lists what each plugin provides. */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the plugins and the types they provide.",
      "Each plugin of the plugin directory with its id, version and jar, and its check, notifier and"
          + " transport types."
    })
public final class PluginsCommand implements Callable<Integer> {

  @Option(names = "--dir", paramLabel = "DIR", description = "plugin directory (default: $vipd.home/plugins)")
  Path directory;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Path dir = directory != null ? directory : PluginHost.defaultDirectory();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (PluginHost host = PluginHost.load(dir, BuiltIns.NONE)) {
      if (host.plugins().isEmpty()) {
        out.println("no plugins in " + dir);
      }
      for (LoadedPlugin plugin : host.plugins()) {
        out.printf("%s %s  %s%n", plugin.id(), plugin.version(), plugin.jar());
        for (ExtensionKind kind : ExtensionKind.values()) {
          List<String> types = plugin.types().get(kind);
          if (types != null) {
            out.printf("  %-9s %s%n", kind.noun(), String.join(", ", types));
          }
        }
      }
      out.flush();
      return 0;
    } catch (PluginLoadException e) {
      err.println("vipd: cannot load plugins from " + dir + ":");
      e.problems().forEach(p -> err.println("  - " + p));
      err.flush();
      return 1;
    }
  }
}
