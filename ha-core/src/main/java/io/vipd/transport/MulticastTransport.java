package io.vipd.transport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vipd.api.OutgoingAdvert;
import io.vipd.api.ReceivedAdvert;
import io.vipd.api.TransportInstance;
import io.vipd.net.Ipv4RawVrrpSocket;
import io.vipd.net.Ipv6RawVrrpSocket;
import io.vipd.net.RawVrrpSocket;
import java.net.InetAddress;

/**
 * The default transport: IP protocol 112 to the VRRP group, 224.0.0.18 or ff02::12 (RFC 5798 section 5.1),
 * as keepalived does without {@code unicast_peer}.
 */
public final class MulticastTransport extends RawSocketTransport {

  public MulticastTransport(Vertx vertx, TransportInstance instance) {
    super(vertx, instance, null);
  }

  @Override
  boolean multicast() {
    return true;
  }

  @Override
  boolean accept(ReceivedAdvert advert) {
    return true; // VRID, TTL and own-advert checks belong to the state machine
  }

  @Override
  public Future<Void> send(OutgoingAdvert advert) {
    try {
      RawVrrpSocket socket = socket();
      InetAddress group = group();
      socket.send(advert.bytesFor(socket.source(), group), group);
      return Future.succeededFuture();
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }

  private InetAddress group() {
    return instance.ipv6() ? Ipv6RawVrrpSocket.GROUP : Ipv4RawVrrpSocket.GROUP;
  }

  @Override
  public String describe() {
    return "multicast to " + group().getHostAddress() + " on " + instance.interfaceName() + " from " + sourceText();
  }
}
