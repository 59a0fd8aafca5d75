package io.vipd.daemon;

import io.vipd.config.ReloadOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the daemon's log tells a reload's outcome, whatever asked for it. */
final class ReloadLog {
  private static final Logger LOG = LoggerFactory.getLogger(ReloadLog.class);

  private ReloadLog() {}

  static void log(ReloadOutcome outcome) {
    if (outcome.refused()) {
      LOG.warn("reload of {} refused, the running configuration stays ({} problem(s)):", outcome.file(),
          outcome.problems().size());
      outcome.problems().forEach(p -> LOG.warn("  {}", p));
      return;
    }
    LOG.info(outcome.applied() ? "reload of {} applied:" : "reload of {} planned (dry run, nothing applied):",
        outcome.file());
    outcome.plan().forEach(line -> LOG.info("  {}", line));
  }
}
