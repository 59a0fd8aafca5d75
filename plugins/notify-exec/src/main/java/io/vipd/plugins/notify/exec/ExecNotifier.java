package io.vipd.plugins.notify.exec;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vipd.api.HaEvent;
import io.vipd.api.Notifier;
import io.vipd.api.PermanentDeliveryException;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the configured command(s) for each event, keepalived {@code notify} style. Commands run one at
 * a time: an event's commands start only after the previous event's processes have exited (or been
 * killed), even if the dispatcher gave up waiting for them. A command that exits non-zero, cannot
 * start, or outlives its timeout (it and its descendants are then killed) is a failed delivery:
 * permanent unless {@code retry-on-failure: true}. Output goes to /dev/null, as with keepalived; redirect inside
 * the script to keep it.
 */
final class ExecNotifier implements Notifier {
  private static final File DEV_NULL = new File("/dev/null");

  private final Vertx vertx;
  private final ExecSettings settings;
  /** Completes when every process started so far has exited; the next event waits for it. */
  private Future<Void> previousExited = Future.succeededFuture();

  ExecNotifier(Vertx vertx, ExecSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
  }

  @Override
  public synchronized Future<Void> send(HaEvent event) {
    List<List<String>> commands = settings.commandsFor(event);
    Map<String, String> env = ExecEvent.environment(event);
    Future<Void> run = previousExited.transform(ignored -> runInOrder(commands, env, 0, null));
    previousExited = run.transform(ignored -> Future.succeededFuture());
    return run;
  }

  @Override
  public boolean wantsCheckEvents() {
    return settings.checkEvents();
  }

  /** Runs every command even if one fails, and fails with the first failure. */
  private Future<Void> runInOrder(
      List<List<String>> commands, Map<String, String> env, int index, Throwable firstFailure) {
    if (index == commands.size()) {
      return firstFailure == null ? Future.succeededFuture() : Future.failedFuture(firstFailure);
    }
    return run(commands.get(index), env)
        .transform(
            ar ->
                runInOrder(
                    commands,
                    env,
                    index + 1,
                    firstFailure != null || ar.succeeded() ? firstFailure : ar.cause()));
  }

  /** Starts one command and completes once it has exited (or been killed after its timeout). */
  private Future<Void> run(List<String> argv, Map<String, String> env) {
    Context context = vertx.getOrCreateContext();
    String name = argv.get(0);
    Future<Process> started =
        vertx.executeBlocking(
            () -> {
              ProcessBuilder builder =
                  new ProcessBuilder(argv)
                      .redirectInput(DEV_NULL)
                      .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                      .redirectError(ProcessBuilder.Redirect.DISCARD);
              builder.environment().putAll(env);
              return builder.start();
            },
            false);
    return started.transform(
        ar -> {
          if (ar.failed()) {
            return Future.failedFuture(failure("command " + name + " could not start: " + ar.cause().getMessage()));
          }
          Process process = ar.result();
          AtomicBoolean timedOut = new AtomicBoolean();
          long timeoutMillis = settings.timeout().toMillis();
          long timer =
              vertx.setTimer(
                  timeoutMillis,
                  id -> {
                    timedOut.set(true);
                    killTree(process);
                  });
          Promise<Integer> exited = Promise.promise();
          process
              .onExit()
              .whenComplete(
                  (p, e) ->
                      context.runOnContext(
                          v -> {
                            vertx.cancelTimer(timer);
                            exited.complete(process.exitValue());
                          }));
          return exited
              .future()
              .compose(
                  status -> {
                    if (timedOut.get()) {
                      return Future.failedFuture(
                          failure("command " + name + " ran longer than " + timeoutMillis + " ms: killed it and its descendants"));
                    }
                    if (status != 0) {
                      return Future.failedFuture(
                          failure("command " + name + " exited with status " + status));
                    }
                    return Future.succeededFuture();
                  });
        });
  }

  /** Kills the process and everything it started (snapshot first: orphans leave the tree once the parent dies). */
  private static void killTree(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
  }

  private RuntimeException failure(String message) {
    return settings.retry() ? new ExecFailedException(message) : new PermanentDeliveryException(message);
  }
}
