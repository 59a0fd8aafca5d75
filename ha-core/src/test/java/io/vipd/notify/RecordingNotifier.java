package io.vipd.notify;

import io.vertx.core.Future;
import io.vipd.api.HaEvent;
import io.vipd.api.Notifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * An in-memory notifier for dispatcher tests: records every attempt (event and when it started) and
 * answers with whatever the scenario's {@code answer} function returns for (event, attempt number).
 */
final class RecordingNotifier implements Notifier {
  record Attempt(HaEvent event, long startedNanos) {}

  private final BiFunction<HaEvent, Integer, Future<Void>> answer;
  private final boolean wantsChecks;
  private final List<Attempt> attempts = new ArrayList<>();
  private volatile boolean closed;

  RecordingNotifier(BiFunction<HaEvent, Integer, Future<Void>> answer, boolean wantsChecks) {
    this.answer = answer;
    this.wantsChecks = wantsChecks;
  }

  static RecordingNotifier accepting() {
    return new RecordingNotifier((event, n) -> Future.succeededFuture(), false);
  }

  @Override
  public Future<Void> send(HaEvent event) {
    int n;
    synchronized (attempts) {
      attempts.add(new Attempt(event, System.nanoTime()));
      n = attempts.size();
    }
    return answer.apply(event, n);
  }

  @Override
  public boolean wantsCheckEvents() {
    return wantsChecks;
  }

  @Override
  public Future<Void> close() {
    closed = true;
    return Future.succeededFuture();
  }

  boolean closed() {
    return closed;
  }

  List<Attempt> attempts() {
    synchronized (attempts) {
      return List.copyOf(attempts);
    }
  }

  List<Long> attemptedSequences() {
    return attempts().stream().map(a -> a.event().sequence()).toList();
  }
}
