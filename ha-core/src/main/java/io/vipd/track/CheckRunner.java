package io.vipd.track;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import io.vipd.api.Durations;
import io.vipd.api.HealthCheck;
import io.vipd.vertx.Contexts;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link HealthCheck} every {@code interval}, enforces its {@code timeout}, applies rise/fall and
 * tells its {@link CheckListener}s when the stable status changes.
 *
 * <p>Two contexts keep a misbehaving plugin away from everything else:
 * <ul>
 *   <li>the <em>schedule</em> context (an event loop of its own choosing) owns the timers, the timeout and
 *       the rise/fall state, and calls the listeners; nothing slow ever runs there;
 *   <li>the <em>plugin</em> context, a worker context private to this check, is where {@link HealthCheck#check()}
 *       is called and where its Vert.x callbacks land. A plugin that blocks (Thread.sleep, JDBC) therefore holds
 *       one worker thread, never an event loop that VRRP instances' advert timers share, and the timeout still
 *       fires on time.
 * </ul>
 * A call that throws, fails, returns null or does not complete within the timeout is DOWN with that reason;
 * an answer arriving after the timeout is ignored. The check is never called again while a previous call is
 * still pending: each interval that finds it pending counts as another DOWN ("previous call still running").
 *
 * <p>The first call may take {@code timeout} plus a start-up grace: it is the one that loads the plugin's
 * client (Netty channels, a database driver) into a cold JVM, about 2.4 s for check-mysql on a loaded
 * 2-vCPU machine, and the first result is decisive (see {@link Hysteresis}), so a cold start must not be
 * mistaken for a dead service. Until it answers the instance keeps its "assumed UP" priority.
 */
public final class CheckRunner {
  private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);
  /** The daemon's grace for every check's first call; above check-mysql's own first-probe grace. */
  public static final Duration STARTUP_GRACE = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final String name;
  private final HealthCheck check;
  private final CheckSchedule schedule;
  private final Context scheduleContext;
  private final Context pluginContext;
  private final List<CheckListener> listeners = new CopyOnWriteArrayList<>();
  private final Hysteresis hysteresis;
  private final Duration firstCallGrace;
  private final Promise<Void> firstResult = Promise.promise();

  // confined to scheduleContext
  private long periodicId = -1;
  private long callNumber;
  private boolean inFlight;
  private boolean timedOut;
  private boolean stopped;

  private volatile CheckStatus status = CheckStatus.UP;
  private volatile CheckResult lastResult;

  /** A runner whose first call gets no more than the schedule's timeout. */
  public CheckRunner(Vertx vertx, String name, HealthCheck check, CheckSchedule schedule) {
    this(vertx, name, check, schedule, Duration.ZERO);
  }

  /**
   * @param firstCallGrace added to the timeout of the first call only ({@link #STARTUP_GRACE} in the daemon)
   */
  public CheckRunner(Vertx vertx, String name, HealthCheck check, CheckSchedule schedule, Duration firstCallGrace) {
    this.firstCallGrace = Objects.requireNonNull(firstCallGrace, "firstCallGrace");
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.name = Objects.requireNonNull(name, "name");
    this.check = Objects.requireNonNull(check, "check");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.hysteresis = new Hysteresis(schedule.rise(), schedule.fall());
    this.scheduleContext = Contexts.eventLoop(vertx);
    this.pluginContext = Contexts.worker(vertx);
  }

  public String name() {
    return name;
  }

  /** Adds a listener; add them before {@link #start()} to hear the first change. */
  public void addListener(CheckListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(CheckListener listener) {
    listeners.remove(listener);
  }

  /** Whether the first result is in, so that {@link #status()} is known rather than assumed. */
  public boolean hasReported() {
    return firstResult.future().succeeded();
  }

  /** The current stable status (UP until the first result). Safe from any thread. */
  public CheckStatus status() {
    return status;
  }

  /**
   * Completes once the first result (a probe's answer, its failure or its timeout) has been recorded and
   * its listeners called: from then on {@link #status()} is known, not assumed.
   */
  public Future<Void> firstResult() {
    return firstResult.future();
  }

  /** The latest raw result, or null before the first. Safe from any thread. */
  public CheckResult lastResult() {
    return lastResult;
  }

  /** Probes once now, then every interval. */
  public void start() {
    scheduleContext.runOnContext(v -> {
      if (stopped || periodicId >= 0) {
        return;
      }
      probe();
      periodicId = vertx.setPeriodic(schedule.interval().toMillis(), id -> probe());
    });
  }

  /** Stops probing and closes the check (on its plugin context, bounded by the timeout). */
  public Future<Void> stop() {
    Promise<Void> done = Promise.promise();
    scheduleContext.runOnContext(v -> {
      stopped = true;
      firstResult.tryFail("check " + name + " stopped before its first result"); // nobody waits for it forever
      if (periodicId >= 0) {
        vertx.cancelTimer(periodicId);
      }
      pluginContext.runOnContext(x -> {
        Future<Void> closing;
        try {
          closing = Objects.requireNonNullElse(check.close(), Future.succeededFuture());
        } catch (Throwable e) {
          closing = Future.failedFuture(e);
        }
        closing.timeout(schedule.timeout().toMillis(), TimeUnit.MILLISECONDS)
            .onFailure(e -> LOG.warn("check {}: close failed: {}", name, e.toString()))
            .onComplete(ar -> done.complete());
      });
    });
    return done.future();
  }

  private void probe() {
    if (stopped) {
      return;
    }
    if (inFlight) {
      if (timedOut) {
        record(CheckResult.down("previous call still running after its " + Durations.format(schedule.timeout())
            + " timeout", schedule.timeout()));
      }
      return;
    }
    long call = ++callNumber;
    inFlight = true;
    timedOut = false;
    long startedNanos = System.nanoTime();
    Duration allowed = call == 1 ? schedule.timeout().plus(firstCallGrace) : schedule.timeout();
    long timer = vertx.setTimer(allowed.toMillis(), t -> {
      if (call == callNumber && inFlight && !timedOut) {
        timedOut = true;
        record(CheckResult.down("timed out after " + Durations.format(allowed), allowed));
      }
    });
    pluginContext.runOnContext(v -> {
      Future<CheckResult> answer;
      try {
        answer = check.check();
        if (answer == null) {
          answer = Future.failedFuture(new IllegalStateException("check() returned null instead of a Future"));
        }
      } catch (Throwable e) {
        answer = Future.failedFuture(e);
      }
      answer.onComplete(ar -> scheduleContext.runOnContext(x -> {
        inFlight = false;
        vertx.cancelTimer(timer);
        if (timedOut || stopped) {
          LOG.debug("check {}: ignoring an answer that came after the timeout", name);
          return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        if (took.compareTo(allowed) > 0) {
          record(CheckResult.down("timed out after " + Durations.format(allowed), took));
        } else if (ar.failed()) {
          record(CheckResult.down(describe(ar.cause()), took));
        } else if (ar.result() == null) {
          record(CheckResult.down("check completed without a result", took));
        } else {
          record(ar.result());
        }
      }));
    });
  }

  private void record(CheckResult result) {
    lastResult = result;
    LOG.debug("check {}: {} in {} ms: {}", name, result.status(), result.latency().toMillis(), result.message());
    CheckStatus old = hysteresis.current();
    hysteresis.accept(result.status()).ifPresent(now -> {
      status = now;
      LOG.info("check {}: {} -> {}{}", name, old, now, result.message().isEmpty() ? "" : " (" + result.message() + ")");
      for (CheckListener listener : listeners) {
        try {
          listener.checkChanged(name, old, now, result);
        } catch (RuntimeException e) {
          LOG.warn("check {}: a listener failed", name, e);
        }
      }
    });
    firstResult.tryComplete();
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

}
