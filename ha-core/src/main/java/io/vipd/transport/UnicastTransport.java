package io.vipd.transport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vipd.api.OutgoingAdvert;
import io.vipd.api.ReceivedAdvert;
import io.vipd.api.TransportInstance;
import io.vipd.net.RawVrrpSocket;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * IP protocol 112 sent to each listed peer, keepalived's {@code unicast_src_ip} / {@code unicast_peer}: for
 * networks without multicast. Only packets addressed to our source and sent by a listed peer are accepted;
 * others are dropped and counted as {@code unknown-peer}.
 */
public final class UnicastTransport extends RawSocketTransport {
  /** {@link #dropCounts()} key of packets from an address that is not a listed peer. */
  public static final String DROP_UNKNOWN_PEER = "unknown-peer";

  private final List<InetAddress> peers;
  private final Set<InetAddress> peerSet;
  private final AtomicLong unknownPeer = new AtomicLong();

  /**
   * @param source our address (unicast_src_ip), or null for the instance's source or the interface's
   *     primary address
   */
  public UnicastTransport(Vertx vertx, TransportInstance instance, InetAddress source, List<InetAddress> peers) {
    super(vertx, instance, source);
    if (peers.isEmpty()) {
      throw new IllegalArgumentException("unicast transport needs at least one peer");
    }
    this.peers = List.copyOf(peers);
    this.peerSet = Set.copyOf(peers);
  }

  @Override
  boolean multicast() {
    return false;
  }

  @Override
  boolean accept(ReceivedAdvert advert) {
    if (peerSet.contains(advert.source())) {
      return true;
    }
    unknownPeer.incrementAndGet();
    return false;
  }

  /** Sends to every peer, each with its own VRRPv3 checksum; fails if any send failed (after trying all). */
  @Override
  public Future<Void> send(OutgoingAdvert advert) {
    Exception failure = null;
    try {
      RawVrrpSocket socket = socket();
      for (InetAddress peer : peers) {
        try {
          socket.send(advert.bytesFor(socket.source(), peer), peer);
        } catch (Exception e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
    } catch (Exception e) {
      failure = e;
    }
    return failure == null ? Future.succeededFuture() : Future.failedFuture(failure);
  }

  @Override
  public Map<String, Long> dropCounts() {
    return Map.of(DROP_UNKNOWN_PEER, unknownPeer.get());
  }

  public List<InetAddress> peers() {
    return peers;
  }

  @Override
  public String describe() {
    return "unicast on " + instance.interfaceName() + " from " + sourceText() + " to "
        + peers.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
  }
}
