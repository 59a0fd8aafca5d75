package io.vipd.config;

import java.util.List;

/** A configuration file is invalid; carries every problem found, in file order. */
public final class ConfigException extends Exception {
  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(describe(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem, each printable on a line of its own. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String describe(List<ConfigProblem> problems) {
    StringBuilder text = new StringBuilder(problems.size() + " configuration problem(s)");
    for (ConfigProblem problem : problems) {
      text.append(System.lineSeparator()).append(problem);
    }
    return text.toString();
  }
}
