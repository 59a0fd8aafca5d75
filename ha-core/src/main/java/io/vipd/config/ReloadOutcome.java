package io.vipd.config;

import java.util.List;

/**
 * What a reload did: applied its plan, only planned it (a dry run), or was refused (every problem listed,
 * the running configuration untouched).
 *
 * @param file the configuration file the daemon read
 * @param applied whether the plan was applied
 * @param plan the plan's lines ({@link ReloadPlan#lines()}); empty when refused before a plan existed
 * @param problems why it was refused ({@code FILE:LINE:COLUMN PATH: MESSAGE} for the file's own problems)
 */
public record ReloadOutcome(String file, boolean applied, List<String> plan, List<String> problems) {

  public ReloadOutcome {
    plan = List.copyOf(plan);
    problems = List.copyOf(problems);
  }

  public static ReloadOutcome refused(String file, List<String> problems) {
    return new ReloadOutcome(file, false, List.of(), problems);
  }

  public boolean refused() {
    return !problems.isEmpty();
  }
}
