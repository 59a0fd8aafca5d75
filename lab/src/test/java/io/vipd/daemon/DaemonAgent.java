package io.vipd.daemon;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import io.vipd.api.Durations;
import io.vipd.api.HaEvent;
import io.vipd.api.HealthCheck;
import io.vipd.api.HealthCheckFactory;
import io.vipd.api.Notifier;
import io.vipd.api.NotifierFactory;
import io.vipd.api.PluginContext;
import io.vipd.cli.Signals;
import io.vipd.config.ConfigLoader;
import io.vipd.config.VipdConfig;
import io.vipd.plugin.BuiltIns;
import io.vipd.plugin.PluginHost;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test main run inside a namespace by {@link io.vipd.testkit.NamespacedJvm}: a real {@link Daemon} on the
 * configuration file in {@code args[0]}, with two test types besides the built-in transports. A check of type
 * {@code switch} answers whatever the last stdin line {@code set CHECK STATUS} said (its {@code initial} setting
 * at first, UP by default; its first answer comes after {@code first-delay}, a slow first probe; with
 * {@code flap: 500ms} it answers UP and DOWN in turns of that length from its first answer on, printing {@code PROBE NAME STATUS}); a notifier
 * of type {@code stdout} prints every event as {@code EVENT <json>}. Prints {@code STARTED} once running;
 * resigns and exits when stdin closes. Signals do what they do to {@code vipd run} (HUP reloads the file).
 */
public final class DaemonAgent {
  private static final Map<String, CheckStatus> SWITCHES = new ConcurrentHashMap<>();

  private DaemonAgent() {}

  public static void main(String[] args) throws Exception {
    System.setErr(System.out); // before logback starts: the test reads the log from stdout too
    VipdConfig config = new ConfigLoader().load(Path.of(args[0]));
    BuiltIns builtIns = new BuiltIns(List.of(new SwitchCheckFactory()), List.of(new StdoutNotifierFactory()),
        Daemon.BUILT_INS.transports());
    try (PluginHost plugins = PluginHost.loadIfPresent(Path.of(args[0] + ".no-plugins"), builtIns)) {
      Daemon daemon = Daemon.start(config, plugins, value -> value);
      Signals.install(daemon, () -> {
        daemon.stop(Duration.ofSeconds(1));
        Runtime.getRuntime().halt(0);
      });
      System.out.println("STARTED");
      try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String[] words = line.trim().split("\\s+");
          if (words.length == 3 && words[0].equals("set")) {
            SWITCHES.put(words[1], CheckStatus.valueOf(words[2]));
            System.out.println("OK");
          } else {
            System.out.println("ERR unknown command " + line);
          }
        }
      } finally {
        daemon.stop(Duration.ofSeconds(1));
      }
    }
  }

  private static final class SwitchCheckFactory implements HealthCheckFactory {
    @Override
    public String type() {
      return "switch";
    }

    @Override
    public HealthCheck create(PluginContext context, JsonObject config) {
      String name = context.name();
      SWITCHES.putIfAbsent(name, CheckStatus.valueOf(config.getString("initial", "UP")));
      long firstDelay = Durations.parse(config.getString("first-delay", "0")).toMillis();
      AtomicBoolean first = new AtomicBoolean(true);
      long flapMillis = Durations.parse(config.getString("flap", "0")).toMillis();
      long[] flapStart = {-1};
      return () -> {
        long now = System.nanoTime() / 1_000_000;
        if (flapStart[0] < 0) {
          flapStart[0] = now; // the first answer is UP: flapping starts from a known status
        }
        CheckStatus status = flapMillis > 0
            ? (((now - flapStart[0]) / flapMillis) % 2 == 0 ? CheckStatus.UP : CheckStatus.DOWN)
            : SWITCHES.get(name);
        if (flapMillis > 0) {
          System.out.println("PROBE " + name + " " + status);
        }
        CheckResult result = new CheckResult(status, "switched " + status, Duration.ZERO, Map.of());
        if (first.getAndSet(false) && firstDelay > 0) {
          Promise<CheckResult> later = Promise.promise();
          context.vertx().setTimer(firstDelay, id -> later.complete(result));
          return later.future();
        }
        return Future.succeededFuture(result);
      };
    }
  }

  private static final class StdoutNotifierFactory implements NotifierFactory {
    @Override
    public String type() {
      return "stdout";
    }

    @Override
    public Notifier create(PluginContext context, JsonObject config) {
      return new Notifier() {
        @Override
        public Future<Void> send(HaEvent event) {
          JsonObject json = new JsonObject().put("sequence", event.sequence()).put("kind", event.kind().name())
              .put("instance", event.instance()).put("check", event.check())
              .put("check_status", event.checkStatus() == null ? null : event.checkStatus().name())
              .put("to", event.to() == null ? null : event.to().name()).put("reason", event.reason())
              .put("effective_priority", event.effectivePriority());
          System.out.println("EVENT " + json.encode());
          return Future.succeededFuture();
        }

        @Override
        public boolean wantsCheckEvents() {
          return true;
        }
      };
    }
  }
}
