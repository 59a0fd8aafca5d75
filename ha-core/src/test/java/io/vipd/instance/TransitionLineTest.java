package io.vipd.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class TransitionLineTest {

  @Test
  void aLoggedTransitionReadsBackWithItsTimeInstanceStatesReasonAndPriority() {
    String line = "12:00:01.234 INFO  [vert.x-eventloop-thread-0] i.v.i.VrrpInstance - "
        + TransitionLine.message("db-vip", "BACKUP", "MASTER", "priority-0 advert from 10.99.0.11 (a, b)", 150);

    TransitionLine read = TransitionLine.parse(line).orElseThrow();

    assertThat(read).isEqualTo(new TransitionLine(LocalTime.parse("12:00:01.234"), "db-vip", "BACKUP", "MASTER",
        "priority-0 advert from 10.99.0.11 (a, b)", 150));
    assertThat(read.after(LocalTime.parse("12:00:01.000"))).isEqualTo(Duration.ofMillis(234));
  }

  @Test
  void onlyTheNamedInstancesTransitionsAreFoundInALog() {
    String log = String.join("\n",
        "12:00:00.100 INFO  [main] i.v.d.Daemon - starting",
        "12:00:00.200 INFO  [x] i.v.i.VrrpInstance - " + TransitionLine.message("a", "INIT", "BACKUP", "startup", 100),
        "12:00:00.300 INFO  [x] i.v.i.VrrpInstance - " + TransitionLine.message("b", "INIT", "BACKUP", "startup", 90),
        "00:00:00.100 INFO  [x] i.v.i.VrrpInstance - " + TransitionLine.message("a", "BACKUP", "MASTER", "m", 100));

    assertThat(TransitionLine.in(log, "a")).extracting(TransitionLine::to).containsExactly("BACKUP", "MASTER");
    assertThat(TransitionLine.in(log, "a").get(1).after(LocalTime.parse("23:59:59.900")))
        .as("across midnight").isEqualTo(Duration.ofMillis(200));
    assertThat(TransitionLine.parse("vip: no transition here")).isEmpty();
  }
}
