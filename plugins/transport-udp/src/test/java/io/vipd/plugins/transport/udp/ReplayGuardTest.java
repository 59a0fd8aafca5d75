package io.vipd.plugins.transport.udp;

import io.vipd.api.IpLiterals;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {

  private static final InetAddress PEER = address("10.99.0.2");
  private static final InetAddress OTHER_PEER = address("10.99.0.3");
  private static final InetAddress US = address("10.99.0.1");

  private final ManualClock clock = new ManualClock();
  private final ReplayGuard guard = new ReplayGuard(clock, Duration.ofSeconds(10));

  @Test
  void advertsOfARunningPeerAreAcceptedInSequence() {
    assertThat(guard.check(advert(PEER, 1, 1, clock.wall))).isEmpty();
    clock.advance(1000);
    assertThat(guard.check(advert(PEER, 1, 2, clock.wall))).isEmpty();
    clock.advance(1000);
    assertThat(guard.check(advert(PEER, 1, 5, clock.wall))).isEmpty();
  }

  @Test
  void aSequenceNumberSeenBeforeIsAReplay() {
    guard.check(advert(PEER, 1, 1, clock.wall));
    guard.check(advert(PEER, 1, 2, clock.wall));

    assertThat(reason(guard.check(advert(PEER, 1, 2, clock.wall)))).isEqualTo(DropReason.REPLAY);
    assertThat(reason(guard.check(advert(PEER, 1, 1, clock.wall)))).isEqualTo(DropReason.REPLAY);
  }

  @Test
  void peersAreTrackedSeparately() {
    guard.check(advert(PEER, 1, 5, clock.wall));

    assertThat(guard.check(advert(OTHER_PEER, 2, 1, clock.wall))).isEmpty();
  }

  @Test
  void aRestartedPeerIsAcceptedAndItsPreviousRunCanNoLongerBeReplayed() {
    long beforeRestart = clock.wall;
    guard.check(advert(PEER, 1, 40, beforeRestart));
    clock.advance(2000);

    assertThat(guard.check(advert(PEER, 2, 1, clock.wall))).isEmpty();
    assertThat(reason(guard.check(advert(PEER, 1, 41, beforeRestart + 500)))).isEqualTo(DropReason.REPLAY);
    assertThat(guard.check(advert(PEER, 2, 2, clock.wall))).isEmpty();
  }

  @Test
  void aRunFirstSeenWithAnOldTimestampIsStale() {
    assertThat(reason(guard.check(advert(PEER, 1, 1, clock.wall - 11_000)))).isEqualTo(DropReason.STALE);
    assertThat(reason(guard.check(advert(PEER, 1, 1, clock.wall + 11_000)))).isEqualTo(DropReason.STALE);
    assertThat(guard.check(advert(PEER, 1, 1, clock.wall - 9_000))).isEmpty();
  }

  @Test
  void aDatagramHeldBackLongerThanTheWindowIsStale() {
    guard.check(advert(PEER, 1, 1, clock.wall));
    long sentAt = clock.wall + 1000;
    clock.advance(12_000); // a man in the middle held the second advert back for 11 s

    assertThat(reason(guard.check(advert(PEER, 1, 2, sentAt)))).isEqualTo(DropReason.STALE);
  }

  @Test
  void aRunningPeerSurvivesAStepOfOurWallClock() {
    guard.check(advert(PEER, 1, 1, clock.wall));
    long theirClock = clock.wall;
    clock.wall += 3_600_000; // NTP steps our clock an hour; the peer's timestamps do not follow
    for (long seq = 2; seq < 10; seq++) {
      clock.monotonic += 1000;
      theirClock += 1000;
      assertThat(guard.check(advert(PEER, 1, seq, theirClock))).isEmpty();
    }
  }

  @Test
  void aRunningPeerWithAConstantClockSkewBeyondTheWindowIsAcceptedOnceKnown() {
    guard.check(advert(PEER, 1, 1, clock.wall + 9_000));
    clock.advance(1000);
    clock.wall -= 5_000; // our clock drifts away by a further 5 s: skew is now 14 s, over the window

    assertThat(guard.check(advert(PEER, 1, 2, clock.wall + 14_000))).isEmpty();
  }

  private static Envelope advert(InetAddress source, long epoch, long sequence, long timestamp) {
    return new Envelope(1, epoch, sequence, timestamp, source, US, new byte[] {1});
  }

  private static DropReason reason(Optional<Drop> drop) {
    assertThat(drop).isPresent();
    return drop.get().reason();
  }

  private static InetAddress address(String literal) {
    return IpLiterals.require(literal);
  }
}
