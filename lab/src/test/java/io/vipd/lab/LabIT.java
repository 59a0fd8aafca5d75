package io.vipd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.testkit.Environment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LabIT {

  @BeforeAll
  static void needsRoot() {
    Environment.requireRootAndTools("ip", "ping");
  }

  @Test
  void hostsOnTheBridgeReachEachOtherAndEverythingIsRemovedOnClose() throws Exception {
    String prefix;
    try (Lab lab = Lab.create()) {
      prefix = lab.prefix();
      LabHost a = lab.addHost("a", 11);
      LabHost b = lab.addHost("b", 12);
      assertThat(a.exec("ping", "-c", "1", "-W", "2", b.ipv4())).contains("1 received");
      assertThat(a.neighbourMac(b.ipv4())).isEqualTo(b.mac());
      assertThat(b.hasAddress(b.ipv4())).isTrue();
      assertThat(b.hasAddress(a.ipv4())).isFalse();
      assertThat(Lab.run("ip", "netns", "list")).contains(prefix + "-a", prefix + "-b", prefix + "-br");
    }
    assertThat(Lab.run("ip", "netns", "list")).doesNotContain(prefix);
  }
}
