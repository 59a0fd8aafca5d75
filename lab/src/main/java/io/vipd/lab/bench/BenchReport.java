package io.vipd.lab.bench;

import io.vipd.lab.bench.BenchNode.Kind;
import io.vipd.lab.bench.FailoverBench.Results;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The printed table of {@code bench/failover}: one row per setting and event, vipd and keepalived side by
 * side, Master_Down_Interval and Skew_Time of the backup for reference; then the targets for vipd.
 */
final class BenchReport {
  private final BenchOptions options;
  private final Map<BenchSetting, Map<Kind, Map<FailoverEvent, Results>>> results;

  BenchReport(BenchOptions options, Map<BenchSetting, Map<Kind, Map<FailoverEvent, Results>>> results) {
    this.options = options;
    this.results = results;
  }

  void print(PrintStream out) {
    out.printf("Failover as a client sees it, pinging the VIP every %d ms (%s, %d runs each, seed %d).%n",
        FailoverBench.PROBE_INTERVAL.toMillis(), FailoverBench.now(), options.runs(), options.seed());
    out.println("outage = last reply from the old master's MAC to the first from the new one;");
    out.println("takeover = the event to that first reply. Milliseconds, min / median / max. Backup priority "
        + FailoverBench.BACKUP_PRIORITY + ".");
    out.println();
    StringBuilder header = new StringBuilder(String.format("%-9s %-13s %6s %5s", "setting", "event", "MDI", "skew"));
    for (Kind kind : options.daemons()) {
      header.append(String.format(" | %-18s %-18s", kind.label() + " outage", "takeover"));
    }
    out.println(header);
    out.println("-".repeat(header.length()));
    for (var setting : results.entrySet()) {
      BenchSetting s = setting.getKey();
      for (FailoverEvent event : options.events()) {
        StringBuilder row = new StringBuilder(String.format("%-9s %-13s %6d %5d", s.label(), event.label(),
            s.masterDownInterval(FailoverBench.BACKUP_PRIORITY).toMillis(),
            s.skewTime(FailoverBench.BACKUP_PRIORITY).toMillis()));
        for (Kind kind : options.daemons()) {
          Results r = setting.getValue().get(kind).get(event);
          row.append(String.format(" | %-18s %-18s", Summary.of(r.outages, r.failures.size()).format(),
              Summary.of(r.takeovers, r.failures.size()).format()));
        }
        out.println(row);
      }
    }
    printTargets(out);
    printFailures(out);
  }

  /** The targets for vipd at v3 / 100 ms. */
  private void printTargets(PrintStream out) {
    Map<Kind, Map<FailoverEvent, Results>> v3 = results.get(BenchSetting.V3_100MS);
    if (v3 == null || !v3.containsKey(Kind.VIPD)) {
      return;
    }
    out.println();
    out.println("Targets (vipd, v3 100 ms, medians):");
    BenchSetting s = BenchSetting.V3_100MS;
    target(out, v3, FailoverEvent.DEAD_HOST, "Master_Down_Interval + 50",
        s.masterDownInterval(FailoverBench.BACKUP_PRIORITY).toMillis() + 50);
    target(out, v3, FailoverEvent.GRACEFUL_STOP, "Skew_Time + 50", s.skewTime(FailoverBench.BACKUP_PRIORITY)
        .toMillis() + 50);
  }

  private void target(PrintStream out, Map<Kind, Map<FailoverEvent, Results>> v3, FailoverEvent event,
      String what, long limit) {
    Results vipd = v3.get(Kind.VIPD).get(event);
    if (vipd == null) {
      return;
    }
    double median = Summary.of(vipd.outages, 0).median();
    out.printf("  %-13s outage %.0f ms <= %s = %d ms: %s%n", event.label(), median, what, limit,
        median <= limit ? "met" : "MISSED");
    Map<FailoverEvent, Results> keepalived = v3.get(Kind.KEEPALIVED);
    if (keepalived != null && keepalived.get(event) != null) {
      double other = Summary.of(keepalived.get(event).outages, 0).median();
      out.printf("  %-13s outage %.0f ms <= keepalived %.0f ms + 20: %s%n", event.label(), median, other,
          median <= other + 20 ? "met" : "MISSED");
    }
  }

  private void printFailures(PrintStream out) {
    List<String> failures = results.values().stream().flatMap(m -> m.entrySet().stream()
        .flatMap(k -> k.getValue().values().stream().flatMap(r -> r.failures.stream()
            .map(f -> k.getKey().label() + ": " + f)))).toList();
    if (!failures.isEmpty()) {
      out.println();
      out.println("Runs without a takeover:");
      failures.forEach(f -> out.println("  " + f));
    }
  }
}
