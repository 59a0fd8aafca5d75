package io.vipd.lab.bench;

import io.vipd.vrrp.ChecksumMode;
import io.vipd.vrrp.Decoded;
import io.vipd.vrrp.DropReason;
import io.vipd.vrrp.VrrpAction;
import io.vipd.vrrp.VrrpCodec;
import io.vipd.vrrp.VrrpEvent;
import io.vipd.vrrp.VrrpPacket;
import io.vipd.vrrp.VrrpSettings;
import io.vipd.vrrp.VrrpStateMachine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic fuzzer of received adverts: seeded mutations (bit flips, truncation, extension, field
 * edits, odd TTLs) of valid VRRPv2 and v3 adverts over IPv4 and IPv6, each decoded and, when it decodes,
 * fed to state machines in Backup and in Master. Every case must end accepted or dropped with a typed
 * reason; an exception is a finding. {@code main} is the benchmark ({@code bench/fuzz}), the CI test runs
 * a few thousand cases.
 */
public final class AdvertFuzzer {
  private static final int TTL = 255;

  /**
   * What a run found.
   *
   * @param cases packets tried
   * @param accepted packets the decoder and the state machine took
   * @param dropped packets dropped, by reason (decoder or state machine)
   * @param findings the first exceptions that escaped, with the case that caused them (empty: none)
   * @param exceptions how many cases threw
   */
  public record Outcome(long cases, long accepted, Map<DropReason, Long> dropped, List<String> findings,
      long exceptions) {}

  private record Seed(byte[] bytes, InetAddress source, InetAddress destination, ChecksumMode mode) {}

  private final SplittableRandom random;
  private final List<Seed> seeds = new ArrayList<>();
  private final List<VrrpStateMachine> machines = new ArrayList<>();
  private long now;

  public AdvertFuzzer(long seed) {
    this.random = new SplittableRandom(seed);
    InetAddress peer4 = ip("10.99.0.12");
    InetAddress peer6 = ip("fe80::12");
    InetAddress group4 = ip("224.0.0.18");
    InetAddress group6 = ip("ff02::12");
    List<InetAddress> vips4 = List.of(ip("10.99.0.100"), ip("10.99.0.101"));
    List<InetAddress> vips6 = List.of(ip("fd99::100"));
    seeds.add(seed(VrrpPacket.v2Advert(51, 100, Duration.ofSeconds(1), vips4), peer4, group4, ChecksumMode.PSEUDO_HEADER));
    seeds.add(seed(VrrpPacket.v2Advert(51, 200, Duration.ofSeconds(1), "secret", vips4), peer4, group4,
        ChecksumMode.PSEUDO_HEADER));
    seeds.add(seed(VrrpPacket.v3Advert(51, 100, Duration.ofMillis(100), vips4), peer4, group4, ChecksumMode.PSEUDO_HEADER));
    seeds.add(seed(VrrpPacket.v3Advert(51, 150, Duration.ofMillis(100), vips4), peer4, group4,
        ChecksumMode.NO_PSEUDO_HEADER));
    seeds.add(seed(VrrpPacket.v3Advert(51, 100, Duration.ofSeconds(1), vips6), peer6, group6, ChecksumMode.PSEUDO_HEADER));
    InetAddress self4 = ip("10.99.0.11");
    InetAddress self6 = ip("fe80::11");
    VrrpSettings v2 = VrrpSettings.of(51, 2, 120, self4).withPassword("secret".getBytes(StandardCharsets.UTF_8));
    VrrpSettings v3 = VrrpSettings.of(51, 3, 120, self4).withAdvertIntervalCentis(10);
    VrrpSettings v3six = VrrpSettings.of(51, 3, 120, self6);
    for (VrrpSettings settings : List.of(v2, v3, v3six, v3.withPriority(255))) {
      VrrpStateMachine machine = new VrrpStateMachine(settings);
      machine.handle(new VrrpEvent.Startup(), now);
      machines.add(machine);
    }
  }

  /** Runs {@code cases} mutated packets. */
  public Outcome run(long cases) {
    long accepted = 0;
    long exceptions = 0;
    Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
    List<String> findings = new ArrayList<>();
    for (long i = 0; i < cases; i++) {
      Seed seed = seeds.get(random.nextInt(seeds.size()));
      byte[] packet = mutate(seed.bytes());
      int ttl = random.nextInt(8) == 0 ? random.nextInt(256) : TTL;
      try {
        DropReason reason = consume(packet, seed, ttl);
        if (reason == null) {
          accepted++;
        } else {
          dropped.merge(reason, 1L, Long::sum);
        }
      } catch (RuntimeException e) {
        exceptions++;
        if (findings.size() < 5) {
          findings.add(e + " on " + HexFormat.of().formatHex(packet) + " ttl " + ttl);
        }
      }
    }
    return new Outcome(cases, accepted, dropped, List.copyOf(findings), exceptions);
  }

  /** Decodes the packet and feeds it to one machine: the reason it was dropped, or null when taken. */
  private DropReason consume(byte[] packet, Seed seed, int ttl) {
    Decoded decoded = VrrpCodec.decode(packet, 0, packet.length, seed.source(), seed.destination(), seed.mode());
    if (decoded instanceof Decoded.Rejected rejected) {
      return rejected.reason();
    }
    VrrpPacket advert = ((Decoded.Ok) decoded).packet();
    VrrpStateMachine machine = machines.get(random.nextInt(machines.size()));
    now += random.nextLong(1, 200_000_000L); // up to 200 ms between packets: timers fire too
    if (machine.nextDeadline().isPresent() && machine.nextDeadline().getAsLong() - now <= 0) {
      machine.handle(new VrrpEvent.TimerFired(), now);
    }
    DropReason reason = null;
    for (VrrpAction action : machine.handle(VrrpEvent.AdvertReceived.of(advert, seed.source(), ttl), now)) {
      if (action instanceof VrrpAction.Dropped drop) {
        reason = drop.reason();
      }
    }
    return reason;
  }

  private byte[] mutate(byte[] original) {
    byte[] out = original.clone();
    int kind = random.nextInt(5);
    switch (kind) {
      case 0 -> { // flip 1..8 bits
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
          int bit = random.nextInt(out.length * 8);
          out[bit / 8] ^= (byte) (1 << (bit % 8));
        }
      }
      case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length)); // truncate
      case 2 -> { // extend with garbage
        int extra = 1 + random.nextInt(64);
        byte[] longer = Arrays.copyOf(out, out.length + extra);
        for (int i = out.length; i < longer.length; i++) {
          longer[i] = (byte) random.nextInt(256);
        }
        out = longer;
      }
      case 3 -> out[random.nextInt(Math.min(8, out.length))] = (byte) random.nextInt(256); // a header field
      default -> out = wellFormed(); // every field edited, checksum right: a confused or hostile peer
    }
    return out;
  }

  /** A checksummed advert with random fields in their ranges, from the IPv4 peer to the group. */
  private byte[] wellFormed() {
    int version = random.nextBoolean() ? 2 : 3;
    List<InetAddress> addresses = new ArrayList<>();
    for (int n = random.nextInt(4); n > 0; n--) {
      addresses.add(ip("10.99.0." + (100 + random.nextInt(100))));
    }
    int vrid = random.nextInt(4) == 0 ? 51 : random.nextInt(256);
    int priority = random.nextInt(256);
    VrrpPacket packet = version == 2
        ? (random.nextBoolean()
            ? VrrpPacket.v2Advert(vrid, priority, Duration.ofSeconds(1 + random.nextInt(3)), addresses)
            : VrrpPacket.v2Advert(vrid, priority, Duration.ofSeconds(1), random.nextBoolean() ? "secret" : "wrong", addresses))
        : VrrpPacket.v3Advert(vrid, priority, Duration.ofMillis(10L * (1 + random.nextInt(4095))), addresses);
    return VrrpCodec.encode(packet, seeds.get(0).source(), seeds.get(0).destination());
  }

  private static Seed seed(VrrpPacket packet, InetAddress source, InetAddress destination, ChecksumMode mode) {
    return new Seed(VrrpCodec.encode(packet, source, destination, mode), source, destination, mode);
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  /** {@code bench/fuzz [--cases N] [--seed S]}: prints the rate and what was dropped why. */
  public static void main(String[] args) {
    long cases = 1_000_000;
    long seed = 1;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--cases" -> cases = Long.parseLong(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--cases N, --seed S)");
      }
    }
    AdvertFuzzer fuzzer = new AdvertFuzzer(seed);
    fuzzer.run(20_000); // warm-up
    long started = System.nanoTime();
    Outcome outcome = fuzzer.run(cases);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("advert fuzzing, seed %d: %,d cases in %.2f s = %,.0f cases/s%n", seed, outcome.cases(), seconds,
        outcome.cases() / seconds);
    System.out.printf("  accepted %,d; exceptions %,d%n", outcome.accepted(), outcome.exceptions());
    outcome.dropped().forEach((reason, count) -> System.out.printf("  dropped %-24s %,d%n", reason.label(), count));
    outcome.findings().forEach(f -> System.out.println("  FINDING " + f));
    if (outcome.exceptions() > 0) {
      System.exit(1);
    }
  }
}
