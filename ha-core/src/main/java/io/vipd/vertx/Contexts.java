package io.vipd.vertx;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * New Vert.x contexts of our own, through the public API: each call deploys an empty {@link
 * io.vertx.core.Deployable} and hands out the context Vert.x gave it. A VRRP instance, a check runner and a
 * notification dispatcher each get one, so that their work is ordered on it and none waits behind another.
 * Call from a thread that may block (start-up, tests), not from an event loop.
 */
public final class Contexts {
  private static final long DEPLOY_TIMEOUT_SECONDS = 10;

  private Contexts() {}

  /** A context on one of Vert.x's event loops: for work that never blocks. */
  public static Context eventLoop(Vertx vertx) {
    return deploy(vertx, ThreadingModel.EVENT_LOOP);
  }

  /** A worker context: tasks run one at a time on the worker pool, so they may block. */
  public static Context worker(Vertx vertx) {
    return deploy(vertx, ThreadingModel.WORKER);
  }

  private static Context deploy(Vertx vertx, ThreadingModel model) {
    AtomicReference<Context> given = new AtomicReference<>();
    try {
      vertx.deployVerticle(context -> {
        given.set(context);
        return Future.succeededFuture();
      }, new DeploymentOptions().setThreadingModel(model)).await(DEPLOY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create a Vert.x " + model + " context: " + e, e);
    }
    return given.get();
  }
}
