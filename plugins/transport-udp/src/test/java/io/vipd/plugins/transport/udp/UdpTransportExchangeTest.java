package io.vipd.plugins.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vipd.api.ReceivedAdvert;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two or three nodes on loopback addresses, talking through real UDP sockets. */
class UdpTransportExchangeTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private Vertx vertx;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final String key = TestKeys.base64Key();

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void closeEverything() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
    Await.result(vertx.close());
  }

  private Node node(String address, int port, JsonObject config) throws Exception {
    Node node = Node.start(vertx, address, port, config);
    open.add(node);
    return node;
  }

  private RawPeer raw(String address, int port) {
    RawPeer peer = new RawPeer(address, port);
    open.add(peer);
    return peer;
  }

  @Test
  void twoNodesExchangeAdvertsBothWaysOnTheirOwnContexts() throws Exception {
    int[] ports = FreePorts.udp(2);
    Node a = node("127.0.0.1", ports[0], Node.config(key, "127.0.0.1:" + ports[1]));
    Node b = node("127.0.0.1", ports[1], Node.config(key, "127.0.0.1:" + ports[0]));
    InetAddress loopback = InetAddress.getByName("127.0.0.1");

    a.send("from-a");
    await().atMost(DEADLINE).until(() -> b.received.size() == 1);
    b.send("from-b");
    await().atMost(DEADLINE).until(() -> a.received.size() == 1);

    ReceivedAdvert atB = b.received.get(0);
    assertThat(atB.payload()).isEqualTo(Node.fakeVrrp("from-a", loopback, loopback));
    assertThat(atB.source()).isEqualTo(loopback);
    assertThat(atB.destination()).isEqualTo(loopback);
    assertThat(atB.ttl()).isEqualTo(ReceivedAdvert.TTL_UNKNOWN);
    assertThat(a.received.get(0).payload()).isEqualTo(Node.fakeVrrp("from-b", loopback, loopback));
    assertThat(a.deliveredOnStartContext).containsOnly(true);
    assertThat(b.deliveredOnStartContext).containsOnly(true);
    assertThat(b.transport.dropCounts()).containsOnlyKeys(
        "not-a-peer", "malformed", "unknown-key", "bad-hmac", "replay", "stale").doesNotContainValue(1L);
  }

  @Test
  void aSteadyStreamOfAdvertsArrivesInOrder() throws Exception {
    int[] ports = FreePorts.udp(2);
    Node a = node("127.0.0.1", ports[0], Node.config(key, "127.0.0.1:" + ports[1]));
    Node b = node("127.0.0.1", ports[1], Node.config(key, "127.0.0.1:" + ports[0]));

    for (int i = 0; i < 20; i++) {
      a.send("advert-" + i);
    }

    await().atMost(DEADLINE).until(() -> b.received.size() == 20);
    assertThat(b.drops(DropReason.REPLAY)).isZero();
    assertThat(new String(b.received.get(19).payload(), 0, 9)).isEqualTo("advert-19");
  }

  @Test
  void nodeWithTheWrongKeyIsIgnored() throws Exception {
    int[] ports = FreePorts.udp(2);
    Node intruder = node("127.0.0.1", ports[0], Node.config(TestKeys.base64Key(), "127.0.0.1:" + ports[1]));
    Node b = node("127.0.0.1", ports[1], Node.config(key, "127.0.0.1:" + ports[0]));

    intruder.send("takeover");

    await().atMost(DEADLINE).until(() -> b.drops(DropReason.BAD_HMAC) == 1);
    assertThat(b.received).isEmpty();
  }

  @Test
  void capturedDatagramReplayedByAnAttackerIsRejected() throws Exception {
    int[] ports = FreePorts.udp(3);
    RawPeer capture = raw("127.0.0.1", ports[2]);
    Node a = node("127.0.0.1", ports[0], Node.config(key, "127.0.0.1:" + ports[2]));
    Node b = node("127.0.0.1", ports[1], Node.config(key, "127.0.0.1:" + ports[0]));
    a.send("first");
    byte[] first = capture.receive();
    a.send("second");
    byte[] second = capture.receive();

    capture.sendTo(b, first);
    capture.sendTo(b, second);
    await().atMost(DEADLINE).until(() -> b.received.size() == 2);
    capture.sendTo(b, second);
    capture.sendTo(b, first);

    await().atMost(DEADLINE).until(() -> b.drops(DropReason.REPLAY) == 2);
    assertThat(b.received).hasSize(2);
  }

  @Test
  void datagramWithAnOldTimestampIsStale() throws Exception {
    int[] ports = FreePorts.udp(2);
    RawPeer attacker = raw("127.0.0.1", ports[0]);
    Node b = node("127.0.0.1", ports[1], Node.config(key, "127.0.0.1:" + ports[0]));
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    long aMinuteAgo = System.currentTimeMillis() - 60_000;

    attacker.sendTo(b, WireFormat.seal(new Envelope(1, 7, 1, aMinuteAgo, loopback, loopback,
        Node.fakeVrrp("old", loopback, loopback)), new AuthKey(1, decode(key))));

    await().atMost(DEADLINE).until(() -> b.drops(DropReason.STALE) == 1);
    assertThat(b.received).isEmpty();
  }

  @Test
  void keyRotationAcceptsThePreviousKeyUntilItIsRemoved() throws Exception {
    String oldKey = key;
    String newKey = TestKeys.base64Key();
    int[] ports = FreePorts.udp(4);
    String[] senders = {"127.0.0.1:" + ports[0], "127.0.0.2:" + ports[1]};
    String[] receivers = {"127.0.0.3:" + ports[2], "127.0.0.3:" + ports[3]};
    Node rotated = node("127.0.0.1", ports[0], Node.config(newKey, receivers).put("key-id", 2));
    Node notYetRotated = node("127.0.0.2", ports[1], Node.config(oldKey, receivers).put("key-id", 1));
    Node duringRotation = node("127.0.0.3", ports[2], Node.config(newKey, senders)
        .put("key-id", 2).put("previous-key", oldKey).put("previous-key-id", 1));
    Node afterRotation = node("127.0.0.3", ports[3], Node.config(newKey, senders).put("key-id", 2));

    rotated.send("signed-with-new");
    notYetRotated.send("signed-with-old");

    await().atMost(DEADLINE).until(() -> duringRotation.received.size() == 2
        && afterRotation.received.size() == 1 && afterRotation.drops(DropReason.UNKNOWN_KEY) == 1);
    assertThat(duringRotation.received).extracting(advert -> new String(advert.payload(), 0, 15))
        .containsExactlyInAnyOrder("signed-with-new", "signed-with-old");
    assertThat(duringRotation.transport.dropCounts().values()).containsOnly(0L);
    assertThat(new String(afterRotation.received.get(0).payload(), 0, 15)).isEqualTo("signed-with-new");
  }

  @Test
  void nodeThatIsNotAPeerIsIgnoredEvenWithTheRightKey() throws Exception {
    int[] ports = FreePorts.udp(3);
    Node b = node("127.0.0.1", ports[1], Node.config(key, "127.0.0.1:" + ports[0]));
    Node stranger = node("127.0.0.2", ports[2], Node.config(key, "127.0.0.1:" + ports[1]));

    stranger.send("hello");

    await().atMost(DEADLINE).until(() -> b.drops(DropReason.NOT_A_PEER) == 1);
    assertThat(b.received).isEmpty();
  }

  @Test
  void malformedDatagramsAndUnknownKeysAreCountedAndIgnored() throws Exception {
    int[] ports = FreePorts.udp(2);
    RawPeer peer = raw("127.0.0.1", ports[0]);
    Node b = node("127.0.0.1", ports[1], Node.config(key, "127.0.0.1:" + ports[0]));
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    byte[] valid = WireFormat.seal(new Envelope(1, 7, 1, System.currentTimeMillis(), loopback, loopback,
        Node.fakeVrrp("x", loopback, loopback)), new AuthKey(1, decode(key)));
    byte[] wrongMagic = valid.clone();
    wrongMagic[0] = 0x45;
    byte[] wrongFamily = valid.clone();
    wrongFamily[3] = 5;

    peer.sendTo(b, new byte[] {0x56, 1, 1});
    peer.sendTo(b, wrongMagic);
    peer.sendTo(b, wrongFamily);
    peer.sendTo(b, WireFormat.seal(new Envelope(9, 7, 2, System.currentTimeMillis(), loopback, loopback,
        Node.fakeVrrp("x", loopback, loopback)), new AuthKey(9, decode(key))));

    await().atMost(DEADLINE).until(() -> b.drops(DropReason.MALFORMED) == 3
        && b.drops(DropReason.UNKNOWN_KEY) == 1);
    assertThat(b.received).isEmpty();
  }

  private static byte[] decode(String base64) {
    return Base64.getDecoder().decode(base64.trim());
  }
}
