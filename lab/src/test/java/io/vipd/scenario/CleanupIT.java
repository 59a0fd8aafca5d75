package io.vipd.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.lab.Conditions;
import io.vipd.lab.VipdLog;
import io.vipd.lab.VipdOneShot;
import io.vipd.lab.VipdProcess;
import io.vipd.lab.VipdYaml;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code vipd cleanup -c FILE} on one host (10.99.0.11/24, fd99::b/64 on eth0) with the addresses a
 * crashed vipd leaves: it removes exactly the configured VIPs that are there, keeps the host's own
 * addresses, says what it did, and leaves a running vipd's VIPs alone. The crash itself: CrashCleanupIT.
 */
class CleanupIT extends OneHostScenario {
  private static final Duration EXIT_DEADLINE = Duration.ofSeconds(20);

  private int logs;

  @Test
  void removesWhatACrashedVipdLeftAndNothingElse() throws Exception {
    for (String leftover : List.of("10.99.0.10/24", "10.99.0.20/32", "10.99.0.30/24", "10.99.0.60/24")) {
      host.exec("ip", "addr", "add", leftover, "dev", "eth0");
    }
    host.exec("ip", "addr", "add", "fd99::10/64", "dev", "eth0", "nodad");
    Path config = write(VipdYaml.node("n1").withoutPlugins()
        .instance(instance("vip4", 51).vips("10.99.0.10/24", "10.99.0.20/32", "10.99.0.40/24"))
        .instance(instance("vip6", 52).vips("fd99::10/64"))
        .instance(instance("other-prefix", 53).vips("10.99.0.30"))
        .instance(instance("gone-nic", 54).with("interface", "eth9").vips("10.99.0.50/24")));

    VipdOneShot.Result result = cleanup(config);

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("vip4: removed 10.99.0.10/24 from eth0")
        .contains("vip4: removed 10.99.0.20/32 from eth0")
        .contains("vip6: removed fd99:0:0:0:0:0:0:10/64 from eth0")
        .contains("other-prefix: kept 10.99.0.30 on eth0 (the host's own: there as /24, configured as /32)")
        .contains("gone-nic: no interface eth9 on this host, nothing to remove there")
        .doesNotContain("10.99.0.40").doesNotContain("10.99.0.60");
    for (String gone : List.of("10.99.0.10", "10.99.0.20", "fd99::10")) {
      assertThat(host.hasAddress(gone)).as(gone).isFalse();
    }
    for (String stays : List.of("10.99.0.11", "10.99.0.30", "10.99.0.60", "fd99::b")) {
      assertThat(host.hasAddress(stays)).as(stays).isTrue();
    }

    // systemd runs it after every stop, a clean one too: then there is nothing to do, and that is success
    VipdOneShot.Result again = cleanup(config);

    assertThat(again.exit()).as(again.output()).isZero();
    assertThat(again.output()).contains("nothing to remove").doesNotContain("removed");
  }

  @Test
  void keepsTheAddressOwnersVipAndTheHostsOwnAddresses() throws Exception {
    host.exec("ip", "addr", "add", "10.99.1.5/24", "dev", "eth0"); // the host's own, in a second subnet
    Path config = write(VipdYaml.node("n1").withoutPlugins()
        .instance(instance("owner", 51).priority(255).vips("fd99::b/64"))
        .instance(instance("own-address", 52).vips("10.99.0.11/24"))
        .instance(instance("second-subnet", 53).vips("10.99.1.5/24")));

    VipdOneShot.Result result = cleanup(config);

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("owner: kept fd99:0:0:0:0:0:0:b on eth0 (priority 255: this host owns it)")
        .contains("own-address: kept 10.99.0.11 on eth0 (the host's own: eth0's primary address, which adverts"
            + " go from)")
        .contains("second-subnet: kept 10.99.1.5 on eth0 (the host's own: a primary /24 address of eth0, not a"
            + " secondary one)")
        .contains("nothing to remove");
    for (String stays : List.of("fd99::b", "10.99.0.11", "10.99.1.5")) {
      assertThat(host.hasAddress(stays)).as(stays).isTrue();
    }
  }

  @Test
  void refusesWhileAVipdRunServesTheFile() throws Exception {
    Path config = write(VipdYaml.node("n1").plugins(directory.resolve("no-plugins"))
        .instance(instance("vip", 51).vips("10.99.0.10/24")));
    Path log = directory.resolve("run.log");
    VipdProcess vipd = VipdProcess.start(host, config, log, List.of()); // the lab stops it, should the test fail
    VipdLog vipdLog = new VipdLog(log);
    assertThat(Conditions.await(() -> vipdLog.state("vip").equals("MASTER") && host.hasAddress("10.99.0.10"),
        Duration.ofSeconds(20))).as(vipdLog::text).isTrue();

    VipdOneShot.Result refused = cleanup(config);

    assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
    assertThat(refused.output()).contains("vipd: a vipd run (pid " + vipd.pid() + ") is serving " + config);
    assertThat(host.hasAddress("10.99.0.10")).as("the live master keeps its VIP").isTrue();

    assertThat(vipd.stop(Duration.ofSeconds(5))).as(vipdLog::text).isZero();
    VipdOneShot.Result after = cleanup(config);

    assertThat(after.exit()).as(after.output()).isZero();
    assertThat(after.output()).contains("nothing to remove");
  }

  private static VipdYaml.Instance instance(String name, int vrid) {
    return VipdYaml.Instance.named(name).vrid(vrid).version(3).advertInterval(Duration.ofMillis(100));
  }

  private Path write(VipdYaml yaml) throws Exception {
    return yaml.writeTo(directory.resolve("vipd.yaml"));
  }

  private VipdOneShot.Result cleanup(Path config) throws Exception {
    return VipdOneShot.in(host).run(directory.resolve("cleanup-" + (++logs) + ".log"), EXIT_DEADLINE,
        "cleanup", "-c", config.toString());
  }
}
