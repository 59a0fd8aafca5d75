package io.vipd.vrrp;

import static io.vipd.vrrp.ManualDriver.ip;
import static io.vipd.vrrp.ManualDriver.ms;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.vrrp.VrrpAction.Dropped;
import io.vipd.vrrp.VrrpEvent.AdvertReceived;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario per protocol {@link DropReason}: the advert is reported as dropped with that reason and
 * changes neither the state nor the running timer.
 */
class VrrpDropReasonTest {

  static final VrrpSettings V3 = VrrpSettings.of(1, 3, 100, ip("10.0.0.1"));
  static final VrrpSettings V2 = VrrpSettings.of(1, 2, 100, ip("10.0.0.1")).withPassword("secret".getBytes());
  static final byte[] SECRET = Arrays.copyOf("secret".getBytes(), 8);
  static final Consumer<ManualDriver> STARTED = d -> d.deliver(new VrrpEvent.Startup());

  record Case(String scenario, VrrpSettings settings, Consumer<ManualDriver> setup, AdvertReceived advert,
      DropReason expected) {
    @Override
    public String toString() {
      return scenario;
    }
  }

  static AdvertReceived v3(int vrid, int priority, String source, int ttl) {
    return AdvertReceived.v3(vrid, priority, 100, ip(source), ttl);
  }

  static AdvertReceived v2(int priority, int intervalCentis, int authType, byte[] auth) {
    return new AdvertReceived(2, 1, priority, intervalCentis, ip("10.0.0.2"), 255, authType, auth);
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("ttlNot255IsDropped", V3, STARTED, v3(1, 200, "10.0.0.2", 64), DropReason.BAD_TTL),
        new Case("otherVridIsDropped", V3, STARTED, v3(2, 200, "10.0.0.2", 255), DropReason.WRONG_VRID),
        new Case("v2AdvertToV3InstanceIsDropped", V3, STARTED, v2(200, 100, 1, SECRET), DropReason.VERSION_MISMATCH),
        new Case("ownLoopedBackAdvertIsDropped", V3, STARTED, v3(1, 100, "10.0.0.1", 255), DropReason.OWN_ADVERT),
        new Case("v2WrongPasswordIsDropped", V2, STARTED, v2(200, 100, 1, "guess".getBytes()), DropReason.AUTH_MISMATCH),
        new Case("v2WrongAuthTypeIsDropped", V2, STARTED, v2(200, 100, 0, null), DropReason.AUTH_MISMATCH),
        new Case("v2OtherIntervalIsDropped", V2, STARTED, v2(200, 200, 1, SECRET), DropReason.INTERVAL_MISMATCH),
        new Case("advertBeforeStartupIsDropped", V3, d -> { }, v3(1, 200, "10.0.0.2", 255), DropReason.NOT_LISTENING),
        new Case("advertInFaultIsDropped", V3, STARTED.andThen(d -> d.deliver(new VrrpEvent.FaultRaised("link down"))),
            v3(1, 200, "10.0.0.2", 255), DropReason.NOT_LISTENING),
        new Case("strictRfcBackupDropsLowerPriority", V3.withPriority(150).withStrictRfc(true), STARTED,
            v3(1, 100, "10.0.0.2", 255), DropReason.LOWER_PRIORITY));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void dropsAdvert(Case c) {
    ManualDriver d = new ManualDriver(c.settings());
    c.setup().accept(d);
    d.advance(ms(500));
    VrrpState before = d.machine.state();
    OptionalLong deadlineBefore = d.machine.nextDeadline();

    assertThat(d.deliver(c.advert())).singleElement().isInstanceOfSatisfying(Dropped.class, drop -> {
      assertThat(drop.reason()).isEqualTo(c.expected());
      assertThat(drop.detail()).isNotBlank();
    });
    assertThat(d.machine.state()).isEqualTo(before);
    assertThat(d.machine.nextDeadline()).isEqualTo(deadlineBefore);
  }

  @Test
  void everyProtocolReasonHasAScenario() {
    assertThat(cases().map(Case::expected))
        .containsAll(Stream.of(DropReason.values()).filter(r -> !r.isSyntax()).toList());
  }

  @Test
  void unknownTtlSkipsTheCheck() {
    ManualDriver d = new ManualDriver(V3);
    d.deliver(new VrrpEvent.Startup());

    assertThat(d.deliver(v3(1, 200, "10.0.0.2", AdvertReceived.TTL_UNKNOWN))).isEmpty();
    assertThat(d.machine.currentMaster()).contains(ip("10.0.0.2"));
  }
}
