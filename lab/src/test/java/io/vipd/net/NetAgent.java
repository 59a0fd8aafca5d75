package io.vipd.net;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vipd.api.AdvertTransport;
import io.vipd.api.ReceivedAdvert;
import io.vipd.api.TransportInstance;
import io.vipd.transport.MulticastTransport;
import io.vipd.transport.UnicastTransport;
import java.util.HexFormat;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A test main run inside a namespace by {@link io.vipd.testkit.NamespacedJvm}: reads one command per stdin
 * line, answers {@code OK ...} or {@code ERR ...}, and prints asynchronous {@code RECV}/{@code EVENT} lines.
 * Exits when stdin closes, closing whatever it opened.
 */
public final class NetAgent {
  private final List<AutoCloseable> opened = new ArrayList<>();
  private RawVrrpSocket vrrp;
  private Vertx vertx;
  private AdvertTransport transport;

  public static void main(String[] args) throws Exception {
    NetAgent agent = new NetAgent();
    say("READY");
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        try {
          say("OK " + agent.execute(line.trim().split("\\s+")));
        } catch (Exception e) {
          say("ERR " + e);
        }
      }
    } finally {
      agent.closeAll();
    }
  }

  private String execute(String[] a) throws Exception {
    switch (a[0]) {
      case "vrrp-open" -> { // vrrp-open IF SOURCE multicast|unicast
        vrrp = RawVrrpSocket.open(a[1], ip(a[2]), a[3].equals("multicast"), advert -> say("RECV " + text(advert)));
        opened.add(vrrp);
        return vrrp.toString();
      }
      case "vrrp-send" -> { // vrrp-send DESTINATION HEX
        vrrp.send(HexFormat.of().parseHex(a[2]), ip(a[1]));
        return "sent";
      }
      case "vrrp-close" -> {
        vrrp.close();
        return "closed";
      }
      case "addr-add" -> { // addr-add IF ADDRESS PREFIX [LABEL]
        try (Rtnetlink netlink = Rtnetlink.open()) {
          return String.valueOf(netlink.addAddress(a[1], ip(a[2]), Integer.parseInt(a[3]), a.length > 4 ? a[4] : null));
        }
      }
      case "addr-del" -> { // addr-del IF ADDRESS PREFIX
        try (Rtnetlink netlink = Rtnetlink.open()) {
          return String.valueOf(netlink.removeAddress(a[1], ip(a[2]), Integer.parseInt(a[3])));
        }
      }
      case "addr-list" -> {
        try (Rtnetlink netlink = Rtnetlink.open()) {
          return netlink.listAddresses(a[1]).stream()
              .map(x -> x.address().getHostAddress() + "/" + x.prefixLength() + (x.label() != null ? "=" + x.label() : ""))
              .collect(Collectors.joining(" "));
        }
      }
      case "primary" -> { // primary IF v4|v6
        try (Rtnetlink netlink = Rtnetlink.open()) {
          return Interfaces.primaryAddress(netlink, a[1], a[2].equals("v6")).getHostAddress();
        }
      }
      case "monitor" -> {
        opened.add(NetlinkMonitor.start(event -> say("EVENT " + event)));
        return "monitoring";
      }
      case "garp" -> { // garp IF VIP
        try (GratuitousArp arp = GratuitousArp.open(a[1])) {
          arp.announce((Inet4Address) ip(a[2]));
        }
        return "announced";
      }
      case "una" -> { // una IF VIP
        try (UnsolicitedNeighborAdvert na = UnsolicitedNeighborAdvert.open(a[1])) {
          na.announce((Inet6Address) ip(a[2]));
        }
        return "announced";
      }
      case "transport" -> { // transport multicast|unicast IF v4|v6 [SOURCE PEER,PEER]
        return startTransport(a);
      }
      case "transport-send" -> { // transport-send HEX: the bytes, then the destination's last address byte
        byte[] fixed = HexFormat.of().parseHex(a[1]);
        transport.send((source, destination) -> {
          byte[] bytes = Arrays.copyOf(fixed, fixed.length + 1);
          byte[] d = destination.getAddress();
          bytes[fixed.length] = d[d.length - 1];
          return bytes;
        }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return "sent";
      }
      case "transport-drops" -> {
        return transport.dropCounts().toString();
      }
      case "transport-stop" -> {
        transport.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return "stopped";
      }
      default -> throw new IllegalArgumentException("unknown command " + a[0]);
    }
  }

  private String startTransport(String[] a) throws Exception {
    if (vertx == null) {
      vertx = Vertx.vertx();
      opened.add(() -> vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
    }
    boolean ipv6 = a[3].equals("v6");
    InetAddress source = a.length > 4 ? ip(a[4]) : null;
    TransportInstance instance = new TransportInstance("vi", a[2], 51, ipv6, a[1].equals("multicast") ? source : null);
    if (a[1].equals("multicast")) {
      transport = new MulticastTransport(vertx, instance);
    } else {
      List<InetAddress> peers = new ArrayList<>();
      for (String peer : a[5].split(",")) {
        peers.add(ip(peer));
      }
      transport = new UnicastTransport(vertx, instance, source, peers);
    }
    Context context = vertx.getOrCreateContext();
    context.runOnContext(ignored -> transport.start(advert ->
        say("RECV " + text(advert) + " on-context=" + (Vertx.currentContext() == context)))
        .onComplete(done -> say(done.succeeded() ? "STARTED" : "ERR " + done.cause())));
    return transport.describe();
  }

  private static String text(ReceivedAdvert advert) {
    return advert.source().getHostAddress() + " " + advert.destination().getHostAddress() + " " + advert.ttl()
        + " " + HexFormat.of().formatHex(advert.payload());
  }

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  private static void say(String line) {
    synchronized (System.out) {
      System.out.println(line);
      System.out.flush();
    }
  }

  private void closeAll() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        System.err.println("closing: " + e);
      }
    }
  }
}
