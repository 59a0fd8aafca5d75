package io.vipd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.testkit.Environment;
import io.vipd.testkit.HostCommand;
import io.vipd.testkit.HostCommand.Result;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Debian package as an administrator gets it: {@code apt-get install ./vipd_VERSION_all.deb} on this
 * machine, the files, user and conffiles it leaves, the shipped configuration validated by the installed
 * command, the installed unit checked by {@code systemd-analyze verify}, and {@code apt-get purge} taking
 * everything away again (also when a test fails). The tests run in order on the one installation.
 *
 * <p>Needs root, apt and systemd's tools (scripts/test.sh installs them); refuses to run where dpkg knows
 * a vipd package or a vipd user exists, because it would purge them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebianPackageIT {
  private static final Duration APT = Duration.ofMinutes(3);
  private static final Duration QUICK = Duration.ofSeconds(60);
  private static final Map<String, String> NONINTERACTIVE = Map.of("DEBIAN_FRONTEND", "noninteractive");
  private static final Path UNIT = Path.of("/lib/systemd/system/vipd.service");
  private static final Path CONFIG = Path.of("/etc/vipd/vipd.yaml");
  private static final Path DEFAULTS = Path.of("/etc/default/vipd");
  private static final Path STATE = Path.of("/var/lib/vipd");
  private static final Path ENABLED_LINK = Path.of("/etc/systemd/system/multi-user.target.wants/vipd.service");

  private static Path deb;
  private static boolean installedHere;

  @BeforeAll
  static void install() {
    Environment.requireRootAndTools("apt-get", "dpkg-query", "getent", "systemd-analyze", "systemctl");
    Result known = HostCommand.run(QUICK, "dpkg-query", "-W", "-f=${Status}", "vipd");
    Environment.require(known.exit() != 0,
        "dpkg knows a vipd package on this machine (" + known.output().strip() + "); this test would purge it");
    Environment.require(HostCommand.run(QUICK, "getent", "passwd", "vipd").exit() != 0,
        "a user vipd exists on this machine; this test would delete it");

    deb = Distribution.debianPackage();
    installedHere = true;
    apt("install", "-y", deb.toString()).succeeded();
  }

  @AfterAll
  static void purgeWhatATestLeft() {
    if (installedHere && HostCommand.run(QUICK, "dpkg-query", "-W", "vipd").exit() == 0) {
      apt("purge", "-y", "vipd").succeeded();
    }
  }

  @Test
  @Order(1)
  void installsTheDistributionUnderOptAndTheCommandOnThePath() throws Exception {
    Result status = HostCommand.run(QUICK, "dpkg", "-s", "vipd").succeeded();
    assertThat(status.output()).contains("Status: install ok installed")
        .contains("Version: " + deb.getFileName().toString().split("_")[1]);
    assertThat(HostCommand.run(QUICK, "dpkg", "-L", "vipd").succeeded().output().lines()).contains(
        "/opt/vipd/bin/vipd", "/opt/vipd/plugins/check-mysql.jar", "/opt/vipd/config/example.yaml",
        "/usr/bin/vipd", UNIT.toString(), CONFIG.toString(), DEFAULTS.toString());
    assertThat(Files.readSymbolicLink(Path.of("/usr/bin/vipd"))).isEqualTo(Path.of("/opt/vipd/bin/vipd"));

    assertThat(HostCommand.run(QUICK, "/usr/bin/vipd", "--version").succeeded().output()).startsWith("vipd 0.");
    // the launcher follows the link to its distribution and takes the JVM options /etc/default/vipd may set
    Result properties = HostCommand.run(QUICK, Map.of("VIPD_JAVA_OPTS", "-XshowSettings:properties"),
        List.of("/usr/bin/vipd", "--version")).succeeded();
    assertThat(properties.output()).containsPattern("vipd\\.home = /opt/vipd\\R");
  }

  @Test
  @Order(2)
  void createsTheVipdSystemUserThatOwnsTheStateDirectory() throws Exception {
    String[] entry = HostCommand.run(QUICK, "getent", "passwd", "vipd").succeeded().output().strip().split(":");
    assertThat(Integer.parseInt(entry[2])).as("a system uid").isBetween(1, 999);
    assertThat(entry[5]).isEqualTo(STATE.toString());
    assertThat(entry[6]).isEqualTo("/usr/sbin/nologin");
    assertThat(HostCommand.run(QUICK, "getent", "group", "vipd").exit()).isZero();

    assertThat(Files.getOwner(STATE, LinkOption.NOFOLLOW_LINKS).getName()).isEqualTo("vipd");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(STATE))).isEqualTo("rwxr-x---");
  }

  @Test
  @Order(3)
  void configurationFilesAreConffilesAndTheSecretsFileIsRootOnly() throws Exception {
    String conffiles = HostCommand.run(QUICK, "dpkg-query", "-W", "-f=${Conffiles}", "vipd").succeeded().output();
    assertThat(conffiles.lines().map(String::strip).map(line -> line.split(" ")[0]))
        .containsExactlyInAnyOrder(CONFIG.toString(), DEFAULTS.toString());
    assertThat(conffiles).doesNotContain("obsolete");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DEFAULTS))).isEqualTo("rw-------");
    assertThat(Files.getOwner(DEFAULTS).getName()).isEqualTo("root");
  }

  @Test
  @Order(4)
  void shippedConfigurationValidatesWithTheInstalledPlugins() {
    Result result = HostCommand.run(QUICK, "/usr/bin/vipd", "validate", CONFIG.toString()).succeeded();
    assertThat(result.output()).contains(CONFIG + ": OK (1 instances").doesNotContain("not checked");
  }

  @Test
  @Order(5)
  void installedUnitPassesSystemdAnalyzeVerify() throws Exception {
    Result verify = HostCommand.run(QUICK, "systemd-analyze", "verify", UNIT.toString());
    assertThat(verify.exit()).as(verify.output()).isZero();
    assertThat(verify.output()).doesNotContain("vipd.service");

    // what the other parts of vipd count on: the environment file, reload, clean-up, state, capabilities
    assertThat(Files.readAllLines(UNIT)).contains(
        "User=vipd",
        "EnvironmentFile=-/etc/default/vipd",
        "ExecStart=/opt/vipd/bin/vipd run -c ${VIPD_CONFIG} $VIPD_ARGS",
        "ExecReload=/bin/kill -HUP $MAINPID",
        "ExecStopPost=/opt/vipd/bin/vipd cleanup -c ${VIPD_CONFIG}",
        "StateDirectory=vipd",
        "Environment=VIPD_STATE_DIRECTORY=/var/lib/vipd",
        "AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW",
        "CapabilityBoundingSet=CAP_NET_ADMIN CAP_NET_RAW");
    // every variable the unit passes on is documented where the administrator sets it
    String defaults = Files.readString(DEFAULTS);
    assertThat(defaults).contains("#VIPD_CONFIG=/etc/vipd/vipd.yaml", "#VIPD_ARGS=", "#VIPD_JAVA_OPTS=");
  }

  @Test
  @Order(6)
  void editedConfigurationSurvivesAReinstall() throws Exception {
    String edited = Files.readString(CONFIG) + "# edited by DebianPackageIT\n";
    Files.writeString(CONFIG, edited);

    apt("install", "--reinstall", "-y", deb.toString()).succeeded();

    assertThat(Files.readString(CONFIG)).isEqualTo(edited);
  }

  @Test
  @Order(7)
  void purgeRemovesThePackageItsUserStateAndEnablement() {
    HostCommand.run(QUICK, "systemctl", "enable", "vipd.service").succeeded();
    assertThat(ENABLED_LINK).isSymbolicLink();

    apt("purge", "-y", "vipd").succeeded();

    assertThat(HostCommand.run(QUICK, "dpkg-query", "-W", "vipd").exit()).as("dpkg forgot vipd").isNotZero();
    assertThat(HostCommand.run(QUICK, "getent", "passwd", "vipd").exit()).as("user vipd").isNotZero();
    assertThat(HostCommand.run(QUICK, "getent", "group", "vipd").exit()).as("group vipd").isNotZero();
    for (Path gone : List.of(Path.of("/opt/vipd"), Path.of("/usr/bin/vipd"), UNIT, CONFIG.getParent(), DEFAULTS,
        STATE, ENABLED_LINK)) {
      assertThat(Files.exists(gone, LinkOption.NOFOLLOW_LINKS)).as("%s after purge", gone).isFalse();
    }
  }

  private static Result apt(String... arguments) {
    List<String> command = new ArrayList<>(List.of("apt-get", "-q"));
    command.addAll(List.of(arguments));
    return HostCommand.run(APT, NONINTERACTIVE, command);
  }
}
