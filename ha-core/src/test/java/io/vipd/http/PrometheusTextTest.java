package io.vipd.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.api.CheckStatus;
import io.vipd.notify.NotifierStats;
import io.vipd.vrrp.DropReason;
import io.vipd.vrrp.VrrpState;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  /** A sample line of format 0.0.4: name, optional labels with escaped values, a number. */
  private static final Pattern SAMPLE = Pattern.compile(
      "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*})? "
          + "(-?[0-9.]+(E-?[0-9]+)?|NaN|[+-]Inf)");

  private final String text = PrometheusText.render(StatusFixtures.sample());
  private final List<String> lines = Arrays.asList(text.split("\n"));

  @Test
  void masterInstanceHasStateGaugeOneForMasterOnly() {
    assertThat(lines).contains(
        "vipd_instance_state{instance=\"vi_1\",state=\"MASTER\"} 1",
        "vipd_instance_state{instance=\"vi_1\",state=\"BACKUP\"} 0",
        "vipd_instance_state{instance=\"vi_1\",state=\"FAULT\"} 0");
    assertThat(lines.stream().filter(l -> l.startsWith("vipd_instance_state{"))).hasSize(VrrpState.values().length);
  }

  @Test
  void prioritiesCountersAndDropsAreExported() {
    assertThat(lines).contains(
        "vipd_instance_priority{instance=\"vi_1\",kind=\"base\"} 150",
        "vipd_instance_priority{instance=\"vi_1\",kind=\"effective\"} 130",
        "vipd_adverts_sent_total{instance=\"vi_1\"} 42",
        "vipd_adverts_late_total{instance=\"vi_1\"} 2",
        "vipd_adverts_received_total{instance=\"vi_1\"} 7",
        "vipd_packets_dropped_total{instance=\"vi_1\",reason=\"wrong-vrid\"} 3",
        "vipd_packets_dropped_total{instance=\"vi_1\",reason=\"bad-ttl\"} 0",
        "vipd_transport_dropped_total{instance=\"vi_1\",reason=\"bad-hmac\"} 2",
        "vipd_transitions_total{instance=\"vi_1\",to=\"MASTER\"} 1",
        "vipd_transitions_total{instance=\"vi_1\",to=\"FAULT\"} 0");
    assertThat(lines.stream().filter(l -> l.startsWith("vipd_packets_dropped_total{")))
        .hasSize(DropReason.values().length);
  }

  @Test
  void checksAndNotifiersAreExported() {
    assertThat(lines).contains(
        "vipd_check_status{check=\"mysql-local\",status=\"DEGRADED\"} 1",
        "vipd_check_status{check=\"mysql-local\",status=\"UP\"} 0",
        "vipd_check_latency_seconds{check=\"mysql-local\"} 0.012",
        "vipd_notifier_delivered_total{notifier=\"ops-webhook\"} 5",
        "vipd_notifier_failed_attempts_total{notifier=\"ops-webhook\"} 2",
        "vipd_notifier_dropped_total{notifier=\"ops-webhook\",reason=\"retries\"} 1",
        "vipd_notifier_queue_depth{notifier=\"ops-webhook\"} 3",
        "vipd_notifier_failing{notifier=\"ops-webhook\"} 1",
        "vipd_info{node=\"n1\",version=\"0.1.0\"} 1",
        "vipd_uptime_seconds 90");
  }

  @Test
  void everyFamilyHasHelpAndTypeBeforeItsSamplesAndEverySampleParses() {
    String family = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("# HELP ")) {
        family = line.split(" ")[2];
        assertThat(lines.get(i + 1)).matches("# TYPE " + family + " (counter|gauge)");
        if (lines.get(i + 1).endsWith("counter")) {
          assertThat(family).endsWith("_total");
        }
      } else if (!line.startsWith("# TYPE ")) {
        assertThat(line).matches(SAMPLE);
        assertThat(line).startsWith(family);
      }
    }
    assertThat(text).endsWith("\n");
  }

  @Test
  void labelValuesWithQuotesBackslashesAndNewlinesAreEscaped() {
    DaemonStatus status = new DaemonStatus("node \"a\"\\b\nc", "dev", Duration.ZERO, List.of(),
        List.of(new CheckState("x", "tcp", CheckStatus.UP, "", Optional.empty())),
        List.of(new NotifierStats("n", 0, 0, 0, 0, 0, 0, 0, false)));

    String rendered = PrometheusText.render(status);

    assertThat(rendered).contains("vipd_info{node=\"node \\\"a\\\"\\\\b\\nc\",version=\"dev\"} 1\n");
    assertThat(rendered).doesNotContain("vipd_check_latency_seconds{");
    assertThat(rendered.split("\n")).allMatch(l -> l.startsWith("#") || SAMPLE.matcher(l).matches());
  }

  @Test
  void numbersAreWrittenTheWayPrometheusParsesThem() {
    assertThat(PrometheusWriter.number(3)).isEqualTo("3");
    assertThat(PrometheusWriter.number(0.25)).isEqualTo("0.25");
    assertThat(PrometheusWriter.number(1e-4)).isEqualTo("1.0E-4");
    assertThat(PrometheusWriter.number(Double.NaN)).isEqualTo("NaN");
    assertThat(PrometheusWriter.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(PrometheusWriter.escapeHelp("a\\b\nc \"q\"")).isEqualTo("a\\\\b\\nc \"q\"");
  }
}
