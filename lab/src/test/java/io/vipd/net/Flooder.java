package io.vipd.net;

import static io.vipd.net.LinuxConstants.IP_MULTICAST_TTL;
import static io.vipd.net.LinuxConstants.SOL_IP;

import io.vipd.vrrp.VrrpChecksum;
import io.vipd.vrrp.VrrpCodec;
import io.vipd.vrrp.VrrpPacket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A test main run in a lab namespace by {@link io.vipd.testkit.NamespacedJvm}: floods 224.0.0.18 on {@code eth0}
 * with packets every vipd instance of VRID {@code args[1]} (v3, IPv4) must drop, at {@code args[3]} packets/s
 * for {@code args[2]} seconds, then prints {@code SENT <count> IN <millis>}. None of them is a valid advert:
 * garbage, a bad checksum, another VRID, VRRPv2 (with and without a password), an address count that lies,
 * and a valid advert with TTL 64. Bounded in count and time; stops by itself.
 */
public final class Flooder {
  private static final int BURST = 10;

  private Flooder() {}

  public static void main(String[] args) throws Exception {
    InetAddress source = InetAddress.getByName(args[0]);
    int vrid = Integer.parseInt(args[1]);
    Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
    int rate = Integer.parseInt(args[3]);
    InetAddress group = InetAddress.getByName("224.0.0.18");
    List<InetAddress> vip = List.of(InetAddress.getByName("10.99.0.76"));
    SplittableRandom random = new SplittableRandom(76);

    List<byte[]> invalid = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      byte[] garbage = new byte[8 + random.nextInt(40)];
      random.nextBytes(garbage);
      invalid.add(garbage);
    }
    byte[] badChecksum = VrrpCodec.encode(VrrpPacket.v3Advert(vrid, 200, Duration.ofMillis(100), vip), source, group);
    badChecksum[6] ^= 0x5a;
    invalid.add(badChecksum);
    invalid.add(VrrpCodec.encode(VrrpPacket.v3Advert(vrid + 1, 200, Duration.ofMillis(100), vip), source, group));
    invalid.add(VrrpCodec.encode(VrrpPacket.v2Advert(vrid, 200, Duration.ofSeconds(1), vip), source, group));
    invalid.add(VrrpCodec.encode(VrrpPacket.v2Advert(vrid, 200, Duration.ofSeconds(1), "wrong", vip), source, group));
    byte[] lyingCount = VrrpCodec.encode(VrrpPacket.v3Advert(vrid, 200, Duration.ofMillis(100), vip), source, group);
    lyingCount[3] = (byte) 0xff; // 255 addresses announced, one carried; the checksum made right again
    lyingCount[6] = 0;
    lyingCount[7] = 0;
    int checksum = VrrpChecksum.withPseudoHeader(lyingCount, 0, lyingCount.length, source, group);
    lyingCount[6] = (byte) (checksum >>> 8);
    lyingCount[7] = (byte) checksum;
    invalid.add(lyingCount);
    byte[] valid = VrrpCodec.encode(VrrpPacket.v3Advert(vrid, 200, Duration.ofMillis(100), vip), source, group);

    try (RawVrrpSocket normal = RawVrrpSocket.open("eth0", source, true, advert -> { });
        RawVrrpSocket lowTtl = RawVrrpSocket.open("eth0", source, true, advert -> { })) {
      lowTtl.sender.setInt(SOL_IP, IP_MULTICAST_TTL, 64, "IP_MULTICAST_TTL");
      long started = System.nanoTime();
      long gapNanos = 1_000_000_000L / rate;
      long total = duration.toSeconds() * rate;
      long sent = 0;
      for (long i = 0; i < total; i++) {
        // bursts of ten, each on time: a wake-up per packet would cost the box more than the packets do
        if (i % BURST == 0) {
          long wait = started + i * gapNanos - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
        }
        try {
          if (i % 8 == 7) {
            lowTtl.send(valid, group); // TTL 64: a valid advert from off-link, which the master must ignore
          } else {
            normal.send(invalid.get((int) (i % invalid.size())), group);
          }
          sent++;
        } catch (java.io.IOException e) {
          // a full send buffer: counted as not sent
        }
      }
      System.out.println("SENT " + sent + " IN " + (System.nanoTime() - started) / 1_000_000);
    }
    System.out.flush();
  }

}
