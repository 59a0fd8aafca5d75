package io.vipd.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.interop.InteropLab.Protocol;
import io.vipd.lab.KeepalivedProcess;
import io.vipd.testkit.Environment;
import io.vipd.vrrp.DropReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * vipd and a real keepalived in one VRRP group, over VRRPv2 and VRRPv3: whichever has the higher priority
 * is master, either takes over when the other dies or resigns, and neither complains about the other's
 * adverts (checksum, TTL, interval, authentication). After each test both logs are scanned for complaints.
 */
class KeepalivedInteropIT {
  private static final String VIPD_ADDRESS = "10.99.0.11";
  private static final String KEEPALIVED_ADDRESS = "10.99.0.12";

  @TempDir Path directory;
  private InteropLab lab;
  /** Set by a test that provokes complaints on purpose. */
  private boolean complaintsExpected;

  static Stream<Protocol> protocols() {
    return Stream.of(new Protocol(2, Duration.ofSeconds(1)), new Protocol(3, Duration.ofMillis(100)));
  }

  @BeforeAll
  static void needsRootAndKeepalived() {
    Environment.requireRootAndTools("ip", "ping", "sysctl", "keepalived");
  }

  @AfterEach
  void neitherDaemonComplainedAboutTheOther() throws Exception {
    if (lab == null) {
      return;
    }
    try {
      if (!complaintsExpected) {
        assertThat(lab.keepalivedComplaints()).as("keepalived complaints%s", lab.logs()).isEmpty();
        assertThat(lab.vipdWireDrops()).as("vipd drops%s", lab.logs()).isEmpty();
      }
    } finally {
      lab.close();
    }
  }

  private InteropLab lab(Protocol protocol) throws Exception {
    lab = InteropLab.create(protocol, directory);
    return lab;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void vipdHigherPriorityBecomesMasterOverKeepalived(Protocol protocol) throws Exception {
    InteropLab lab = lab(protocol);
    KeepalivedProcess keepalived = lab.startKeepalived(100);
    lab.awaitUntil(keepalived::isMaster);

    lab.startVipd(150);

    lab.awaitUntil(() -> lab.vipdIsMaster() && lab.keepalivedIsBackup());
    lab.assertStays(() -> lab.vipdIsMaster() && lab.keepalivedIsBackup());
    assertThat(keepalived.logText()).contains("Master received advert from " + VIPD_ADDRESS + " with higher priority 150");
    lab.clientPingsVip();
    assertThat(lab.clientSeesVipAt()).isEqualTo(lab.vipdHost.mac());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void keepalivedHigherPriorityBecomesMasterOverVipd(Protocol protocol) throws Exception {
    InteropLab lab = lab(protocol);
    lab.startVipd(100);
    lab.awaitUntil(lab::vipdIsMaster);

    KeepalivedProcess keepalived = lab.startKeepalived(150);

    lab.awaitUntil(() -> keepalived.isMaster() && lab.vipdIsBackup());
    // vipd accepts keepalived's adverts (checksum, TTL, interval), or it would take the VIP back
    lab.assertStays(() -> keepalived.isMaster() && lab.vipdIsBackup());
    assertThat(lab.vipdReasonFor("BACKUP")).isEqualTo("higher-priority advert from " + KEEPALIVED_ADDRESS);
    lab.clientPingsVip();
    assertThat(lab.clientSeesVipAt()).isEqualTo(lab.keepalivedHost.mac());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void killVipdMasterKeepalivedTakesOver(Protocol protocol) throws Exception {
    InteropLab lab = lab(protocol);
    lab.startVipd(150);
    lab.awaitUntil(lab::vipdIsMaster);
    KeepalivedProcess keepalived = lab.startKeepalived(100);
    // keepalived starts in BACKUP; staying there past Master_Down_Interval shows it hears vipd
    lab.assertStays(() -> lab.vipdIsMaster() && lab.keepalivedIsBackup());
    lab.clientPingsVip();
    assertThat(lab.clientSeesVipAt()).isEqualTo(lab.vipdHost.mac());

    lab.vipd().kill();

    lab.awaitUntil(keepalived::isMaster);
    lab.awaitUntil(() -> lab.keepalivedHost.mac().equals(lab.clientSeesVipAt()));
    assertThat(keepalived.logText()).doesNotContain("Backup received priority 0 advertisement");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void killKeepalivedMasterVipdTakesOver(Protocol protocol) throws Exception {
    InteropLab lab = lab(protocol);
    KeepalivedProcess keepalived = lab.startKeepalived(150);
    lab.awaitUntil(keepalived::isMaster);
    lab.startVipd(100);
    // vipd starts in BACKUP; staying there past Master_Down_Interval shows it hears keepalived
    lab.awaitUntil(lab::vipdIsBackup);
    lab.assertStays(() -> keepalived.isMaster() && lab.vipdIsBackup());
    lab.clientPingsVip();
    assertThat(lab.clientSeesVipAt()).isEqualTo(lab.keepalivedHost.mac());

    keepalived.kill();

    lab.awaitUntil(lab::vipdIsMaster);
    // a crash, not a resignation: vipd waited for Master_Down_Interval
    assertThat(lab.vipdReasonFor("MASTER")).isEqualTo("master-down timer expired");
    lab.awaitUntil(() -> lab.vipdHost.mac().equals(lab.clientSeesVipAt()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void gracefulStopOfEitherHandsOverFast(Protocol protocol) throws Exception {
    InteropLab lab = lab(protocol);
    lab.startVipd(150);
    lab.awaitUntil(lab::vipdIsMaster);
    KeepalivedProcess keepalived = lab.startKeepalived(100);
    lab.assertStays(() -> lab.vipdIsMaster() && lab.keepalivedIsBackup());

    assertThat(lab.vipd().stop(Duration.ofSeconds(10))).isZero();

    lab.awaitUntil(keepalived::isMaster);
    assertThat(keepalived.logText()).contains("Backup received priority 0 advertisement");

    lab.startVipd(50);
    lab.awaitUntil(lab::vipdIsBackup);

    assertThat(keepalived.stop(Duration.ofSeconds(10))).isZero();

    lab.awaitUntil(lab::vipdIsMaster);
    assertThat(lab.vipdReasonFor("MASTER")).isEqualTo("priority-0 advert from " + KEEPALIVED_ADDRESS);
  }

  @Test
  void passwordAuthenticationAgreesWithKeepalived() throws Exception {
    InteropLab lab = lab(new Protocol(2, Duration.ofSeconds(1)));
    String auth = "auth: {type: pass, password: s3cret}";
    lab.startVipd(150, auth);
    lab.awaitUntil(lab::vipdIsMaster);
    KeepalivedProcess keepalived = lab.startKeepalived(lab.keepalivedConfig(100).withAuthPassword("s3cret"));

    // keepalived accepts vipd's authenticated adverts...
    lab.awaitUntil(lab::keepalivedIsBackup);
    lab.assertStays(() -> lab.vipdIsMaster() && lab.keepalivedIsBackup());

    // ...including its resignation, and vipd accepts keepalived's
    assertThat(lab.vipd().stop(Duration.ofSeconds(10))).isZero();
    lab.awaitUntil(keepalived::isMaster);
    lab.startVipd(50, auth);
    lab.awaitUntil(lab::vipdIsBackup);
    lab.assertStays(() -> keepalived.isMaster() && lab.vipdIsBackup());
  }

  @Test
  void wrongPasswordIsDroppedByVipd() throws Exception {
    InteropLab lab = lab(new Protocol(2, Duration.ofSeconds(1)));
    complaintsExpected = true;
    KeepalivedProcess keepalived = lab.startKeepalived(lab.keepalivedConfig(150).withAuthPassword("right"));
    lab.awaitUntil(keepalived::isMaster);

    lab.startVipd(100, "auth: {type: pass, password: wrong}");

    // vipd hears no valid master, so it takes the VIP as well: the split brain a password mismatch causes
    lab.awaitUntil(lab::vipdIsMaster);
    lab.awaitUntil(() -> !WireDrops.drops(lab.vipd().logText(), DropReason.AUTH_MISMATCH).isEmpty());
    lab.awaitUntil(() -> keepalived.logText().contains("received an invalid passwd"));
    assertThat(lab.vipdWireDrops()).isNotEmpty().allMatch(line -> line.contains(DropReason.AUTH_MISMATCH.label()));
    assertThat(lab.keepalivedComplaints()).isNotEmpty().allMatch(line -> line.contains("received an invalid passwd"));
  }

  @Test
  void unicastAdvertsInteroperate() throws Exception {
    InteropLab lab = lab(new Protocol(3, Duration.ofMillis(100)));
    KeepalivedProcess keepalived = lab.startKeepalived(
        lab.keepalivedConfig(150).withUnicast(KEEPALIVED_ADDRESS, VIPD_ADDRESS));
    lab.awaitUntil(keepalived::isMaster);
    lab.startVipd(100, "transport: {type: unicast, peers: [" + KEEPALIVED_ADDRESS + "]}");
    lab.awaitUntil(lab::vipdIsBackup);
    lab.assertStays(() -> keepalived.isMaster() && lab.vipdIsBackup());
    lab.clientPingsVip();

    keepalived.kill();

    lab.awaitUntil(lab::vipdIsMaster);
    lab.awaitUntil(() -> lab.vipdHost.mac().equals(lab.clientSeesVipAt()));
    keepalived.start();
    // keepalived accepts vipd's unicast adverts and preempts it
    lab.awaitUntil(() -> keepalived.isMaster() && lab.vipdIsBackup());
    lab.assertStays(() -> keepalived.isMaster() && lab.vipdIsBackup());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void keepalivedLogShowsNoComplaints(Protocol protocol) throws Exception {
    InteropLab lab = lab(protocol);
    lab.startVipd(150);
    lab.awaitUntil(lab::vipdIsMaster);
    KeepalivedProcess keepalived = lab.startKeepalived(100);
    lab.awaitUntil(lab::keepalivedIsBackup);

    lab.assertStays(() -> lab.vipdIsMaster() && lab.keepalivedIsBackup());

    assertThat(lab.keepalivedComplaints()).as(lab.logs()).isEmpty();
    assertThat(keepalived.logText()).doesNotContain("Entering MASTER STATE");
    assertThat(lab.vipdWireDrops()).as(lab.logs()).isEmpty();
  }
}
