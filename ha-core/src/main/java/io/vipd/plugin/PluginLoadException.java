package io.vipd.plugin;

import java.util.List;

/**
 * The plugin directory cannot be used: unsafe permissions, a broken plugin jar, or two extensions
 * claiming the same {@code type}. Carries every problem found, each naming the plugin or file at fault.
 */
public class PluginLoadException extends RuntimeException {
  private final List<String> problems;

  public PluginLoadException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public PluginLoadException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
