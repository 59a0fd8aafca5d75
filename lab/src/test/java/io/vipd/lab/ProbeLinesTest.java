package io.vipd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.net.EchoReply;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeLinesTest {
  private static final String OLD = "02:00:00:00:00:0b";
  private static final String NEW = "02:00:00:00:00:0c";

  @Test
  void aReplyLineBecomesAReply() {
    assertThat(Probe.parseLine("reply 123456789 42 02:00:00:00:00:0B"))
        .contains(new EchoReply(123_456_789L, 42, OLD));
  }

  @Test
  void otherLinesAreNotReplies() {
    assertThat(Probe.parseLine("ready")).isEmpty();
    assertThat(Probe.parseLine("send-error 3 sendto: Network is unreachable")).isEmpty();
    assertThat(Probe.parseLine("reply 12x 1 02:00:00:00:00:0b")).isEmpty();
    assertThat(Probe.parseLine("reply 12 1 not-a-mac")).isEmpty();
    assertThat(Probe.parseLine("OpenJDK 64-Bit Server VM warning: something")).isEmpty();
  }

  @Test
  void outageRunsFromTheLastOldReplyToTheFirstNewOne() {
    List<EchoReply> replies = List.of(
        reply(0, OLD), reply(10, OLD), reply(20, OLD), reply(372, NEW), reply(382, NEW));

    Outage outage = Outage.of(replies, OLD, NEW).orElseThrow();

    assertThat(outage.millis()).isEqualTo(352.0);
    assertThat(outage.largestGapMillis()).isEqualTo(352.0);
    assertThat(outage.lastOldNanos()).isEqualTo(ms(20));
    assertThat(outage.firstNewNanos()).isEqualTo(ms(372));
  }

  @Test
  void theLargestGapCanComeBeforeTheSwitch() {
    // the old master stalls for 150 ms, answers once more, then the backup takes over 12 ms later
    List<EchoReply> replies = List.of(reply(0, OLD), reply(150, OLD), reply(162, NEW));

    Outage outage = Outage.of(replies, OLD, NEW).orElseThrow();

    assertThat(outage.millis()).isEqualTo(12.0);
    assertThat(outage.largestGapMillis()).isEqualTo(150.0);
  }

  @Test
  void repliesFromTheNewMacBeforeAnyFromTheOldOneAreNoSwitch() {
    assertThat(Outage.of(List.of(reply(0, NEW), reply(10, NEW)), OLD, NEW)).isEmpty();
    assertThat(Outage.of(List.of(reply(0, OLD), reply(10, OLD)), OLD, NEW)).isEmpty();
    assertThat(Outage.of(List.of(), OLD, NEW)).isEmpty();
  }

  @Test
  void switchBackIsMeasuredWithTheRolesSwapped() {
    List<EchoReply> replies = List.of(reply(0, OLD), reply(100, NEW), reply(110, NEW), reply(135, OLD));

    assertThat(Outage.of(replies.subList(2, 4), NEW, OLD).orElseThrow().millis()).isEqualTo(25.0);
  }

  private static EchoReply reply(long millis, String mac) {
    return new EchoReply(ms(millis), (int) millis, mac);
  }

  private static long ms(long millis) {
    return millis * 1_000_000L;
  }
}
