package io.vipd.lab.bench;

import io.vipd.lab.bench.BenchNode.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The command line of {@code bench/failover}.
 *
 * @param runs repetitions of each event per setting and daemon
 * @param settings VRRP version and advert interval combinations
 * @param events how the master goes away
 * @param daemons vipd, keepalived or both
 * @param seed seed of the random delays before each event (printed, so a run can be repeated)
 * @param help print usage only
 */
record BenchOptions(int runs, List<BenchSetting> settings, List<FailoverEvent> events, List<Kind> daemons,
    long seed, boolean help) {

  static final String USAGE = """
      usage: bench/failover [--runs N] [--settings v2-1s,v3-100ms] [--events dead-host,kill,graceful]
                            [--daemons vipd,keepalived] [--seed S]
        --runs N       runs of each event per setting and daemon (default 5)
        --settings     VRRP version and advert interval (default v2-1s,v3-100ms)
        --events       dead-host (link down), kill (SIGKILL), graceful (SIGTERM) (default all)
        --daemons      vipd, keepalived (default both)
        --seed S       seed of the random delay before each event (default: random, printed)""";

  static BenchOptions parse(String... args) {
    int runs = 5;
    List<BenchSetting> settings = List.of(BenchSetting.V2_1S, BenchSetting.V3_100MS);
    List<FailoverEvent> events = List.of(FailoverEvent.values());
    List<Kind> daemons = List.of(Kind.values());
    long seed = ThreadLocalRandom.current().nextLong(1_000_000);
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-h", "--help" -> help = true;
        case "--runs" -> {
          runs = Integer.parseInt(value(args, ++i, arg));
          if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
          }
        }
        case "--settings" -> settings = split(value(args, ++i, arg)).stream().map(BenchSetting::parse).toList();
        case "--events" -> events = split(value(args, ++i, arg)).stream().map(BenchOptions::event).toList();
        case "--daemons" -> daemons = split(value(args, ++i, arg)).stream().map(BenchOptions::daemon).toList();
        case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    return new BenchOptions(runs, settings, events, daemons, seed, help);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static List<String> split(String list) {
    List<String> items = new ArrayList<>();
    for (String item : list.split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim().toLowerCase(Locale.ROOT));
      }
    }
    return items;
  }

  private static FailoverEvent event(String name) {
    return switch (name) {
      case "dead-host", "link-down" -> FailoverEvent.DEAD_HOST;
      case "kill", "sigkill" -> FailoverEvent.KILL;
      case "graceful", "stop", "sigterm" -> FailoverEvent.GRACEFUL_STOP;
      default -> throw new IllegalArgumentException("unknown event " + name + " (dead-host, kill, graceful)");
    };
  }

  private static Kind daemon(String name) {
    return switch (name) {
      case "vipd" -> Kind.VIPD;
      case "keepalived" -> Kind.KEEPALIVED;
      default -> throw new IllegalArgumentException("unknown daemon " + name + " (vipd, keepalived)");
    };
  }
}
