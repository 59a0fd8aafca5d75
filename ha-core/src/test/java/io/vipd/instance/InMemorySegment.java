package io.vipd.instance;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vipd.api.AdvertTransport;
import io.vipd.api.OutgoingAdvert;
import io.vipd.api.ReceivedAdvert;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake LAN segment for unit tests: adverts sent by one attached transport reach all the others. */
final class InMemorySegment {
  static final InetAddress GROUP = address("224.0.0.18");

  private final List<Port> ports = new CopyOnWriteArrayList<>();

  /** A transport for a host with {@code address} on this segment. */
  Port attach(String address) {
    Port port = new Port(address(address));
    ports.add(port);
    return port;
  }

  static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  final class Port implements AdvertTransport {
    private final InetAddress address;
    private volatile Handler<ReceivedAdvert> receiver;
    private volatile Context context;
    /** A cut cable: nothing in, nothing out. */
    volatile boolean linkUp = true;

    Port(InetAddress address) {
      this.address = address;
    }

    @Override
    public Future<Void> start(Handler<ReceivedAdvert> receiver) {
      this.context = Vertx.currentContext();
      this.receiver = receiver;
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> send(OutgoingAdvert advert) {
      if (!linkUp) {
        return Future.succeededFuture();
      }
      for (Port other : ports) {
        Handler<ReceivedAdvert> target = other.receiver;
        if (other != this && other.linkUp && target != null) {
          byte[] bytes = advert.bytesFor(address, GROUP);
          other.context.runOnContext(v -> target.handle(new ReceivedAdvert(bytes, address, GROUP, 255)));
        }
      }
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
      receiver = null;
      return Future.succeededFuture();
    }

    @Override
    public String describe() {
      return "in-memory from " + address.getHostAddress();
    }
  }
}
