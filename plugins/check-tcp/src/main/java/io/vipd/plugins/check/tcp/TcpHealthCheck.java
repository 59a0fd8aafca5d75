package io.vipd.plugins.check.tcp;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vipd.api.CheckResult;
import io.vipd.api.Durations;
import io.vipd.api.HealthCheck;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One TCP probe per call: connect, optionally send and match the reply prefix, close. */
final class TcpHealthCheck implements HealthCheck {
  private final Vertx vertx;
  private final TcpCheckConfig config;
  private final NetClient client;

  TcpHealthCheck(Vertx vertx, TcpCheckConfig config) {
    this.vertx = vertx;
    this.config = config;
    this.client = vertx.createNetClient(
        new NetClientOptions().setConnectTimeout((int) config.connectTimeout().toMillis()));
  }

  @Override
  public Future<CheckResult> check() {
    long started = System.nanoTime();
    return client.connect(config.port(), config.host())
        .transform(ar -> {
          if (ar.failed()) {
            return Future.succeededFuture(CheckResult.down(connectFailure(ar.cause()), since(started)));
          }
          NetSocket socket = ar.result();
          if (config.expect() == null) {
            if (config.send() != null) {
              socket.write(config.send());
            }
            socket.close();
            return Future.succeededFuture(judge("connected", since(started)));
          }
          return exchange(socket, started).eventually(socket::close);
        });
  }

  private Future<CheckResult> exchange(NetSocket socket, long started) {
    Promise<CheckResult> result = Promise.promise();
    byte[] expected = config.expect().getBytes(StandardCharsets.UTF_8);
    Buffer reply = Buffer.buffer();
    long timer = vertx.setTimer(config.connectTimeout().toMillis(), t -> result.tryComplete(CheckResult.down(
        "no reply within " + Durations.format(config.connectTimeout()) + " (expected '" + printable(config.expect()) + "')",
        since(started))));
    socket.handler(data -> {
      reply.appendBuffer(data);
      if (reply.length() >= expected.length) {
        vertx.cancelTimer(timer);
        String got = reply.getString(0, Math.min(reply.length(), expected.length), "UTF-8");
        if (reply.getBuffer(0, expected.length).equals(Buffer.buffer(expected))) {
          result.tryComplete(judge("reply matched", since(started)));
        } else {
          result.tryComplete(CheckResult.down("reply '" + printable(got) + "' does not start with '"
              + printable(config.expect()) + "'", since(started)));
        }
      }
    });
    socket.closeHandler(v -> {
      vertx.cancelTimer(timer);
      result.tryComplete(CheckResult.down("connection closed after " + reply.length() + " bytes, expected '"
          + printable(config.expect()) + "'", since(started)));
    });
    socket.exceptionHandler(e -> result.tryComplete(CheckResult.down("read failed: " + e.getMessage(), since(started))));
    if (config.send() != null) {
      socket.write(config.send());
    }
    return result.future();
  }

  private CheckResult judge(String what, Duration latency) {
    String message = what + " to " + config.host() + ":" + config.port() + " in " + latency.toMillis() + " ms";
    if (config.degradedLatency() != null && latency.compareTo(config.degradedLatency()) > 0) {
      return CheckResult.degraded(message + " (degraded above " + Durations.format(config.degradedLatency()) + ")", latency);
    }
    return CheckResult.up(message, latency);
  }

  private String connectFailure(Throwable cause) {
    String target = config.host() + ":" + config.port();
    if (cause instanceof ConnectTimeoutException) {
      return "connect to " + target + " timed out after " + Durations.format(config.connectTimeout());
    }
    if (cause instanceof ConnectException && String.valueOf(cause.getMessage()).contains("refused")) {
      return "connection refused by " + target;
    }
    return "cannot connect to " + target + ": " + cause.getMessage();
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }


  private static String printable(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
