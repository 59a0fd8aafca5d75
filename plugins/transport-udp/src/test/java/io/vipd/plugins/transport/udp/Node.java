package io.vipd.plugins.transport.udp;

import io.vipd.testkit.TestPluginContext;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.AdvertTransport;
import io.vipd.api.OutgoingAdvert;
import io.vipd.api.PluginConfigException;
import io.vipd.api.ReceivedAdvert;
import io.vipd.api.TransportInstance;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * One VRRP node's udp transport on a loopback address, started on a context of its own, recording what it
 * receives and on which context it was delivered.
 */
final class Node implements AutoCloseable {

  final InetAddress address;
  final int port;
  final AdvertTransport transport;
  final Context context;
  final List<ReceivedAdvert> received = new CopyOnWriteArrayList<>();
  final List<Boolean> deliveredOnStartContext = new CopyOnWriteArrayList<>();

  private Node(Vertx vertx, InetAddress address, int port, JsonObject config) throws PluginConfigException {
    this.address = address;
    this.port = port;
    TransportInstance instance = new TransportInstance("vi-" + port, "lo", 42, false, address);
    this.transport = new UdpTransportFactory().create(
        new TestPluginContext(vertx, "udp-" + address.getHostAddress() + "-" + port), instance,
        config.copy().put("port", port));
    this.context = vertx.getOrCreateContext();
    Await.result(onContext(() -> transport.start(advert -> {
      deliveredOnStartContext.add(Vertx.currentContext() == context);
      received.add(advert);
    })));
  }

  /** Starts a node listening on {@code address:port} whose config is {@code config} plus that port. */
  static Node start(Vertx vertx, String address, int port, JsonObject config) throws Exception {
    return new Node(vertx, InetAddress.getByName(address), port, config);
  }

  /** A config signed with {@code key} (id 1) listing {@code peers} ({@code host:port}). */
  static JsonObject config(String key, String... peers) {
    return new JsonObject().put("key", key).put("peers", new JsonArray(List.of((Object[]) peers)));
  }

  /** Sends a fake VRRP message that spells out the source and destination it was built for. */
  void send(String text) {
    Await.result(onContext(() -> transport.send(advert(text))));
  }

  /** Calls the transport on its context, as the daemon does. */
  private <T> Future<T> onContext(Supplier<Future<T>> call) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> call.get().onComplete(promise));
    return promise.future();
  }

  static OutgoingAdvert advert(String text) {
    return (source, destination) -> fakeVrrp(text, source, destination);
  }

  static byte[] fakeVrrp(String text, InetAddress source, InetAddress destination) {
    byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return ByteBuffer.allocate(body.length + 8)
        .put(body).put(source.getAddress()).put(destination.getAddress()).array();
  }

  long drops(DropReason reason) {
    return transport.dropCounts().get(reason.label());
  }

  @Override
  public void close() {
    Await.result(transport.stop());
  }
}
