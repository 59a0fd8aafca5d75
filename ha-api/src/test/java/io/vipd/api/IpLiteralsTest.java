package io.vipd.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Peer addresses in YAML are literals; anything else is refused without a DNS lookup. */
class IpLiteralsTest {

  @Test
  void literalsOfBothFamiliesParse() throws Exception {
    assertThat(IpLiterals.parse("10.99.0.2")).contains(InetAddress.getByName("10.99.0.2"));
    assertThat(IpLiterals.parse("fd99::2")).contains(InetAddress.getByName("fd99::2"));
  }

  @Test
  void hostNamesAndOutOfRangeOctetsAreRefused() {
    assertThat(IpLiterals.parse("localhost")).isEmpty();
    assertThat(IpLiterals.parse("10.0.0.300")).isEmpty();
    assertThat(IpLiterals.parse("zz::1")).isEmpty();
    assertThat(IpLiterals.parse("fd99::g")).isEmpty();
  }
}
