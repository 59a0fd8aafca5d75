package io.vipd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateDirectoryTest {

  @Test
  void theConfigurationWinsThenSystemdThenTheDefault() {
    Map<String, String> systemd = Map.of("STATE_DIRECTORY", "/var/lib/vipd-unit:/var/lib/other");

    assertThat(StateDirectory.locate(Optional.of(Path.of("/srv/vipd")), systemd::get)).isEqualTo(Path.of("/srv/vipd"));
    assertThat(StateDirectory.locate(Optional.empty(), systemd::get)).isEqualTo(Path.of("/var/lib/vipd-unit"));
    assertThat(StateDirectory.locate(Optional.empty(), name -> null)).isEqualTo(Path.of("/var/lib/vipd"));
  }
}
