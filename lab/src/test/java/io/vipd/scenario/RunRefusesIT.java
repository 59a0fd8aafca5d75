package io.vipd.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.lab.VipdOneShot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code vipd run} on a host where it cannot work: it exits at once with the documented exit code and a
 * sentence that says what to fix, and leaves nothing running. Missing capabilities: {@link CapabilitiesIT}.
 */
class RunRefusesIT extends OneHostScenario {
  private static final Duration EXIT_DEADLINE = Duration.ofSeconds(20);


  @Test
  void runRefusesUnknownInterfaceAndAddressConflict() throws Exception {
    Path config = write("""
        node: n1
        plugins: {directory: %s}
        instances:
          - name: on-missing-nic
            interface: eth9
            vrid: 51
            vips: [10.99.0.10/24]
          - name: own-address
            interface: eth0
            vrid: 52
            vips: [10.99.0.11/24]
        """.formatted(directory.resolve("no-plugins")));

    VipdOneShot.Result result = run(config);

    assertThat(result.exit()).as(result.output()).isEqualTo(1);
    assertThat(result.output())
        .contains("vipd: instance on-missing-nic: interface 'eth9' does not exist on this host")
        .contains("vipd: instance own-address: address conflict: 10.99.0.11 is the host's own address on eth0"
            + " (eth0's primary address, which adverts go from); a backup would remove it");
    assertThat(host.hasAddress("10.99.0.10")).isFalse();
  }

  @Test
  void runRejectsInvalidConfig() throws Exception {
    Path config = write("""
        instances:
          - name: vip
            interface: eth0
            vrid: 300
            advert-intreval: 1s
            vips: [10.99.0.10/24]
        """);

    VipdOneShot.Result result = run(config);

    assertThat(result.exit()).as(result.output()).isEqualTo(2);
    assertThat(result.output())
        .contains(config + ":4:11 instances[0].vrid: must be 1..255, got 300")
        .containsPattern(java.util.regex.Pattern.quote(config.toString())
            + ":5:\\d+ instances\\[0\\]\\.advert-intreval: unknown key; did you mean `advert-interval`\\?");
  }

  private Path write(String yaml) throws Exception {
    Path config = directory.resolve("vipd.yaml");
    Files.writeString(config, yaml);
    return config;
  }

  /** Runs {@code vipd run -c config} in the host and waits for it to exit. */
  private VipdOneShot.Result run(Path config) throws Exception {
    return VipdOneShot.in(host).run(directory.resolve("vipd.log"), EXIT_DEADLINE, "run", "-c", config.toString());
  }
}
