package io.vipd.api;

import java.util.List;

/**
 * A plugin's configuration is invalid. Carries every problem found, each naming the offending key
 * relative to the plugin's own mapping ({@code url}, {@code headers.Authorization}); the daemon adds the
 * file, line and column.
 */
public class PluginConfigException extends Exception {

  /** One problem: the key path inside the plugin's mapping (empty for the mapping itself) and what is wrong. */
  public record Problem(String path, String message) {}

  private final List<Problem> problems;

  public PluginConfigException(List<Problem> problems) {
    super(describe(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a PluginConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public PluginConfigException(String path, String message) {
    this(List.of(new Problem(path, message)));
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    StringBuilder text = new StringBuilder();
    for (Problem p : problems) {
      if (text.length() > 0) {
        text.append("; ");
      }
      text.append(p.path().isEmpty() ? "" : p.path() + ": ").append(p.message());
    }
    return text.toString();
  }
}
