package io.vipd.plugins.transport.udp;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vipd.api.AdvertTransport;
import io.vipd.api.IpLiterals;
import io.vipd.api.OutgoingAdvert;
import io.vipd.api.PluginContext;
import io.vipd.api.ReceivedAdvert;
import io.vipd.api.TransportInstance;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sends each VRRP advert to every peer (or to the group) in a signed datagram, and delivers the datagrams it
 * can authenticate, in arrival order, on the Vert.x context {@link #start} was called on. One UDP socket per
 * instance both sends and receives, so a node's adverts leave from {@code port}.
 */
final class UdpAdvertTransport implements AdvertTransport {

  /** Large enough for any VRRP message: Netty's default receive buffer (2048 bytes) would cut big ones. */
  private static final int RECEIVE_BUFFER = 65_536;

  private final Vertx vertx;
  private final TransportInstance instance;
  private final UdpTransportConfig config;
  private final TransportClock clock;
  private final DropLog drops;
  private final ReplayGuard replayGuard;
  private final Map<Integer, AuthKey> acceptedKeys;

  private Context context;
  private DatagramSocket socket;
  private Handler<ReceivedAdvert> receiver;
  private InetAddress source;
  private long epoch;
  private long sequence;
  private long startWallMillis;
  private long startMonotonicMillis;
  private volatile boolean stopped;

  UdpAdvertTransport(
      PluginContext plugin, TransportInstance instance, UdpTransportConfig config, TransportClock clock) {
    this.vertx = plugin.vertx();
    this.instance = instance;
    this.config = config;
    this.clock = clock;
    this.drops = new DropLog(plugin.logger(), clock);
    this.replayGuard = new ReplayGuard(clock, config.replayWindow());
    this.acceptedKeys = config.acceptedKeys();
  }

  @Override
  public Future<Void> start(Handler<ReceivedAdvert> receiver) {
    if (socket != null || stopped) {
      return Future.failedFuture(new IllegalStateException("the udp transport starts only once"));
    }
    this.context = vertx.getOrCreateContext();
    this.receiver = receiver;
    try {
      this.source = advertSource();
    } catch (SocketException | IllegalStateException e) {
      return Future.failedFuture(e);
    }
    this.epoch = new SecureRandom().nextLong();
    this.startWallMillis = clock.wallMillis();
    this.startMonotonicMillis = clock.monotonicMillis();
    DatagramSocketOptions options = new DatagramSocketOptions()
        .setIpV6(instance.ipv6())
        .setReceiveBufferSize(RECEIVE_BUFFER);
    if (config.group() != null) {
      options.setMulticastNetworkInterface(instance.interfaceName())
          .setLoopbackModeDisabled(true)
          .setMulticastTimeToLive(1);
    }
    DatagramSocket created = vertx.createDatagramSocket(options);
    created.handler(this::onDatagram);
    socket = created;
    Future<DatagramSocket> listening = created.listen(config.port(), listenAddress());
    Future<Void> joined = config.group() == null
        ? listening.mapEmpty()
        : listening.compose(s -> s.listenMulticastGroup(
            config.group().getHostAddress(), instance.interfaceName(), null));
    return joined.recover(failure -> created.close().transform(closed -> Future.failedFuture(failure)));
  }

  @Override
  public Future<Void> send(OutgoingAdvert advert) {
    DatagramSocket s = socket;
    if (s == null || stopped) {
      return Future.failedFuture(new IllegalStateException("the udp transport is not running"));
    }
    List<Future<Void>> sends = new ArrayList<>();
    AuthKey key = config.key();
    for (Peer destination : config.destinations()) {
      byte[] payload = advert.bytesFor(source, destination.address());
      Envelope envelope = new Envelope(key.id(), epoch, ++sequence, timestamp(), source,
          destination.address(), payload);
      sends.add(s.send(Buffer.buffer(WireFormat.seal(envelope, key)), destination.port(),
          destination.address().getHostAddress()));
    }
    return Future.all(sends).mapEmpty();
  }

  @Override
  public Future<Void> stop() {
    stopped = true;
    DatagramSocket s = socket;
    return s == null ? Future.succeededFuture() : s.close();
  }

  @Override
  public Map<String, Long> dropCounts() {
    return drops.counts();
  }

  @Override
  public String describe() {
    String where = config.group() != null
        ? "group " + new Peer(config.group(), config.port()) + " on " + instance.interfaceName()
        : "to " + config.peers().stream().map(Peer::toString).collect(Collectors.joining(", "));
    return "udp " + where + " (port " + config.port() + ", key id " + config.key().id() + ")";
  }

  /** The sender's wall clock at start plus monotonic time since: steps of the wall clock do not move it. */
  private long timestamp() {
    return startWallMillis + (clock.monotonicMillis() - startMonotonicMillis);
  }

  private void onDatagram(DatagramPacket packet) {
    if (stopped) {
      return;
    }
    InetAddress from;
    try {
      from = IpLiterals.require(stripScope(packet.sender().hostAddress()));
    } catch (IllegalArgumentException e) {
      drops.record(new Drop(DropReason.MALFORMED, "unreadable sender " + packet.sender()), null);
      return;
    }
    if (!config.acceptsFrom(from)) {
      drops.record(new Drop(DropReason.NOT_A_PEER, "not in peers"), from);
      return;
    }
    Opened opened = WireFormat.open(packet.data().getBytes(), acceptedKeys);
    if (opened instanceof Drop drop) {
      drops.record(drop, from);
      return;
    }
    Envelope envelope = (Envelope) opened;
    Optional<Drop> replay = replayGuard.check(envelope);
    if (replay.isPresent()) {
      drops.record(replay.get(), from);
      return;
    }
    deliver(new ReceivedAdvert(envelope.payload(), envelope.source(), envelope.destination(),
        ReceivedAdvert.TTL_UNKNOWN));
  }

  private void deliver(ReceivedAdvert advert) {
    if (Vertx.currentContext() == context) {
      receiver.handle(advert);
    } else {
      context.runOnContext(v -> {
        if (!stopped) {
          receiver.handle(advert);
        }
      });
    }
  }

  /** The address adverts claim to come from, and the VRRPv3 checksum is computed with. */
  private InetAddress advertSource() throws SocketException {
    if (instance.sourceAddress() != null) {
      return instance.sourceAddress();
    }
    if (config.bind() != null && !config.bind().isAnyLocalAddress()) {
      return config.bind();
    }
    NetworkInterface nic = NetworkInterface.getByName(instance.interfaceName());
    if (nic == null) {
      throw new IllegalStateException("no interface " + instance.interfaceName());
    }
    return nic.inetAddresses()
        .filter(a -> (a instanceof Inet6Address) == instance.ipv6())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(instance.interfaceName() + " has no IPv"
            + (instance.ipv6() ? "6" : "4") + " address to send adverts from"));
  }

  /** Where the socket listens: {@code bind}, else the wildcard for a group, else the advert source. */
  private String listenAddress() {
    if (config.bind() != null) {
      return config.bind().getHostAddress();
    }
    InetAddress own = instance.sourceAddress();
    // an IPv6 link-local source (usual for VRRPv3) cannot be bound without a scope: listen on all addresses
    if (config.group() != null || own == null || own.isLinkLocalAddress()) {
      return instance.ipv6() ? "::" : "0.0.0.0";
    }
    return instance.sourceAddress().getHostAddress();
  }

  private static String stripScope(String host) {
    int percent = host.indexOf('%');
    return percent < 0 ? host : host.substring(0, percent);
  }
}
