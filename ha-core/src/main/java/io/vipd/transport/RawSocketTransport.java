package io.vipd.transport;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vipd.api.AdvertTransport;
import io.vipd.api.ReceivedAdvert;
import io.vipd.api.TransportInstance;
import io.vipd.net.Interfaces;
import io.vipd.net.RawVrrpSocket;
import io.vipd.net.Rtnetlink;
import java.net.InetAddress;

/**
 * What the multicast and unicast transports share: a {@link RawVrrpSocket} opened off the event loop in
 * {@link #start}, whose packets are handed to the context captured there, in order, and never after
 * {@link #stop}. Subclasses decide where adverts go and which received ones are accepted.
 */
abstract class RawSocketTransport implements AdvertTransport {
  protected final Vertx vertx;
  protected final TransportInstance instance;
  private final InetAddress configuredSource;
  /** How long start-up waits for a tentative source address (IPv6 DAD takes about 1 s by default). */
  static final java.time.Duration ADDRESS_USABLE_WAIT = java.time.Duration.ofSeconds(5);

  private volatile RawVrrpSocket socket;
  private volatile boolean stopped;

  RawSocketTransport(Vertx vertx, TransportInstance instance, InetAddress configuredSource) {
    this.vertx = vertx;
    this.instance = instance;
    this.configuredSource = configuredSource != null ? configuredSource : instance.sourceAddress();
  }

  /** Whether the socket joins the VRRP multicast group (else it receives only packets to our source). */
  abstract boolean multicast();

  /** Whether a received packet is handed on; a rejected one must be counted by the subclass. */
  abstract boolean accept(ReceivedAdvert advert);

  @Override
  public Future<Void> start(Handler<ReceivedAdvert> receiver) {
    Context context = vertx.getOrCreateContext();
    return vertx.executeBlocking(() -> {
      InetAddress source = configuredSource;
      if (source == null) {
        try (Rtnetlink netlink = Rtnetlink.open()) {
          source = Interfaces.primaryAddress(netlink, instance.interfaceName(), instance.ipv6());
        }
      }
      socket = openWhenUsable(source, advert -> {
        if (accept(advert)) {
          context.runOnContext(ignored -> {
            if (!stopped) {
              receiver.handle(advert);
            }
          });
        }
      });
      return null;
    });
  }

  /**
   * Opens the socket, waiting (on this worker thread, within {@link #ADDRESS_USABLE_WAIT}) while the source
   * address cannot be bound yet: an IPv6 link-local address stays tentative for about a second after its
   * link comes up (duplicate address detection), as at boot.
   */
  private RawVrrpSocket openWhenUsable(InetAddress source, java.util.function.Consumer<ReceivedAdvert> callback)
      throws java.io.IOException, InterruptedException {
    long deadline = System.nanoTime() + ADDRESS_USABLE_WAIT.toNanos();
    while (true) {
      try {
        return RawVrrpSocket.open(instance.interfaceName(), source, multicast(), callback);
      } catch (io.vipd.net.NativeIoException e) {
        if (!e.isAddressNotAvailable() || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  /** The open socket; fails when {@link #start} has not completed or {@link #stop} was called. */
  protected RawVrrpSocket socket() {
    RawVrrpSocket open = socket;
    if (open == null || stopped) {
      throw new IllegalStateException(describe() + " is not started");
    }
    return open;
  }

  @Override
  public Future<Void> stop() {
    stopped = true;
    RawVrrpSocket open = socket;
    if (open == null) {
      return Future.succeededFuture();
    }
    // joins the receive thread: not on the event loop
    return vertx.executeBlocking(() -> {
      open.close();
      return null;
    });
  }

  /** Our source address once started, else the configured one (possibly null). */
  protected InetAddress source() {
    RawVrrpSocket open = socket;
    return open != null ? open.source() : configuredSource;
  }

  protected String sourceText() {
    InetAddress source = source();
    return source == null ? "its primary address" : source.getHostAddress();
  }
}
