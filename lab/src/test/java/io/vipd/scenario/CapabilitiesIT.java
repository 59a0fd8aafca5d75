package io.vipd.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.lab.Conditions;
import io.vipd.lab.VipdLog;
import io.vipd.lab.VipdOneShot;
import io.vipd.lab.VipdProcess;
import io.vipd.lab.VipdYaml;
import io.vipd.testkit.Environment;
import io.vipd.testkit.ReadableClassPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * vipd needs CAP_NET_ADMIN and CAP_NET_RAW, not root: as a non-root user holding exactly those two (what the
 * systemd unit grants user vipd) {@code vipd run} takes the VIP over and {@code vipd cleanup} removes a
 * leftover; with one of them missing each exits 1 naming the one it lacks, before touching anything.
 */
class CapabilitiesIT extends OneHostScenario {
  /** nobody on Debian; setpriv needs no passwd entry, and nothing of the test's is this user's. */
  private static final String UID = "65534";
  private static final String VIP = "10.99.0.10";
  private static final Duration EXIT_DEADLINE = Duration.ofSeconds(20);
  private static final Duration MASTER_DEADLINE = Duration.ofSeconds(20);

  private Path config;
  private String classPath;
  private int logs;

  @BeforeAll
  static void needsRootAndTools() {
    Environment.requireRootAndTools("ip", "setpriv");
  }

  @BeforeEach
  void writeReadableFiles() throws Exception {
    // the other user reads the class path and the config from here
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    classPath = ReadableClassPath.copyTo(Files.createDirectory(directory.resolve("class-path")));
    config = VipdYaml.node("n1").plugins(directory.resolve("no-plugins"))
        .instance(VipdYaml.Instance.named("vip").vrid(51).version(3).priority(100)
            .advertInterval(Duration.ofMillis(100)).vips(VIP + "/24"))
        .writeTo(directory.resolve("vipd.yaml"));
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
  }

  @Test
  void nonRootUserWithTheTwoCapabilitiesTakesTheVipOver() throws Exception {
    Path log = directory.resolve("run.log");
    VipdProcess vipd = VipdProcess.startUnder(asUserWith("net_admin", "net_raw"), classPath, host, config, log);
    VipdLog vipdLog = new VipdLog(log);

    boolean master = Conditions.await(() -> vipdLog.state("vip").equals("MASTER") && host.hasAddress(VIP),
        MASTER_DEADLINE);

    assertThat(master).as("MASTER with %s within %s%n%s", VIP, MASTER_DEADLINE, vipdLog.text()).isTrue();
    String status = Files.readString(Path.of("/proc", Long.toString(vipd.pid()), "status"));
    assertThat(status).as("the JVM's own credentials").containsPattern("(?m)^Uid:\\s+" + UID + "\\s")
        .containsPattern("(?m)^CapEff:\\s+0000000000003000$");
    assertThat(vipd.stop(Duration.ofSeconds(5))).as(vipdLog::text).isZero();
    assertThat(host.hasAddress(VIP)).as("resigning removed the VIP%n%s", vipdLog.text()).isFalse();
  }

  @ParameterizedTest(name = "holding only {0}")
  @CsvSource({"net_raw, CAP_NET_ADMIN, CAP_NET_RAW", "net_admin, CAP_NET_RAW, CAP_NET_ADMIN"})
  void withOneCapabilityMissingRunExitsNamingIt(String held, String missing, String present) throws Exception {
    VipdOneShot.Result result = oneShot(asUserWith(held), "run", "-c", config.toString());

    assertThat(result.exit()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).contains("vipd: missing " + missing + " (").doesNotContain(present);
    assertThat(host.hasAddress(VIP)).isFalse();
  }

  @Test
  void rootWithoutEitherCapabilityNamesBoth() throws Exception {
    // root, but with CAP_NET_RAW and CAP_NET_ADMIN gone from every set, as an unconfigured service user
    VipdOneShot.Result result = VipdOneShot.in(host)
        .under("setpriv", "--inh-caps=-all", "--ambient-caps=-all", "--bounding-set=-net_raw,-net_admin", "--")
        .run(nextLog(), EXIT_DEADLINE, "run", "-c", config.toString());

    assertThat(result.exit()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).contains("vipd: missing CAP_NET_RAW (").contains(" and CAP_NET_ADMIN (");
    assertThat(host.hasAddress(VIP)).isFalse();
  }

  @Test
  void cleanupNeedsOnlyNetAdmin() throws Exception {
    host.exec("ip", "addr", "add", VIP + "/24", "dev", "eth0"); // what a SIGKILLed master leaves

    VipdOneShot.Result refused = oneShot(asUserWith("net_raw"), "cleanup", "-c", config.toString());

    assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
    assertThat(refused.output()).contains("vipd: cannot remove " + VIP + "/24: missing CAP_NET_ADMIN (")
        .doesNotContain("CAP_NET_RAW");
    assertThat(host.hasAddress(VIP)).isTrue();

    VipdOneShot.Result removed = oneShot(asUserWith("net_admin"), "cleanup", "-c", config.toString());

    assertThat(removed.exit()).as(removed.output()).isZero();
    assertThat(removed.output()).contains("vip: removed " + VIP + "/24 from eth0");
    assertThat(host.hasAddress(VIP)).isFalse();
  }

  /** setpriv as user {@link #UID} with exactly {@code capabilities} in its inheritable and ambient sets. */
  private static List<String> asUserWith(String... capabilities) {
    String caps = "+" + String.join(",+", capabilities);
    return List.of("setpriv", "--reuid=" + UID, "--regid=" + UID, "--clear-groups", "--inh-caps=" + caps,
        "--ambient-caps=" + caps, "--");
  }

  private VipdOneShot.Result oneShot(List<String> under, String... args) throws Exception {
    return VipdOneShot.in(host).under(under.toArray(String[]::new)).classPath(classPath)
        .run(nextLog(), EXIT_DEADLINE, args);
  }

  private Path nextLog() {
    return directory.resolve("vipd-" + (++logs) + ".log");
  }
}
