package io.vipd.e2e.health;

import java.nio.file.Path;

/**
 * What a scenario changes in both nodes' configuration; everything else is fixed by {@link DbPairLab}.
 *
 * @param strictRfc {@code strict-rfc} of the instance (false: keepalived's fast preemption)
 * @param mysqlTracking how the instance tracks its local MySQL, as YAML flow entries
 *     ({@code weight: -60} or {@code on-down: fault})
 * @param withQualityCheck whether the nodes also run a {@code quality} exec check whose exit code is read
 *     from a file the test writes (0 UP, 2 DEGRADED, anything else DOWN), tracked with
 *     {@code degraded-weight: -60}
 */
record NodeSettings(boolean strictRfc, String mysqlTracking, boolean withQualityCheck) {

  /** The check's weight when DOWN: 150 - 60 = 90 puts the master below the backup's 100. */
  static final int MYSQL_WEIGHT = -60;
  /** The quality check's weight when DEGRADED (and when DOWN). */
  static final int QUALITY_WEIGHT = -60;

  static NodeSettings fastPreemption() {
    return new NodeSettings(false, "weight: " + MYSQL_WEIGHT, false);
  }

  NodeSettings strict() {
    return new NodeSettings(true, mysqlTracking, withQualityCheck);
  }

  NodeSettings faultOnDown() {
    return new NodeSettings(strictRfc, "on-down: fault", withQualityCheck);
  }

  NodeSettings withQuality() {
    return new NodeSettings(strictRfc, mysqlTracking, true);
  }

  /** The YAML of one node. */
  String yaml(String node, int priority, int mysqlPort, String password, Path qualityFile) {
    StringBuilder y = new StringBuilder();
    y.append("node: ").append(node).append('\n');
    y.append("checks:\n");
    y.append("""
          mysql-local:
            type: mysql
            interval: %s
            timeout: %s
            fall: %d
            rise: %d
            host: 127.0.0.1
            port: %d
            user: %s
            password: %s
            # the plugin's own deadline (connect + query) stays inside the daemon's timeout, so a hung
            # server is reported by the plugin with its reason rather than as a bare daemon timeout
            connect-timeout: 400ms
            query-timeout: 400ms
        """.formatted(DbPairLab.CHECK_INTERVAL_TEXT, DbPairLab.CHECK_INTERVAL_TEXT, DbPairLab.FALL,
        DbPairLab.RISE, mysqlPort, DbPairLab.MYSQL_USER, password));
    if (withQualityCheck) {
      y.append("""
            quality:
              type: exec
              interval: %s
              timeout: %s
              fall: %d
              rise: %d
              command: "exit $(cat %s)"
              degraded-exit-code: 2
              kill-timeout: 800ms
          """.formatted(DbPairLab.CHECK_INTERVAL_TEXT, DbPairLab.CHECK_INTERVAL_TEXT, DbPairLab.FALL,
          DbPairLab.RISE, qualityFile));
    }
    y.append("""
        instances:
          - name: %s
            interface: eth0
            vrid: 51
            version: 3
            priority: %d
            advert-interval: %s
            strict-rfc: %b
            vips: [%s/24]
            track:
              checks:
                - { check: mysql-local, %s }
        """.formatted(DbPairLab.INSTANCE, priority, DbPairLab.ADVERT_INTERVAL_TEXT, strictRfc, DbPairLab.VIP,
        mysqlTracking));
    if (withQualityCheck) {
      y.append("        - { check: quality, weight: %d, degraded-weight: %d }\n"
          .formatted(QUALITY_WEIGHT, QUALITY_WEIGHT));
    }
    return y.toString();
  }
}
