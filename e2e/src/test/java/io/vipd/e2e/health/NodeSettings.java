package io.vipd.e2e.health;

import io.vipd.lab.VipdYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scenario changes in both nodes' configuration; everything else is fixed by {@link DbPairLab}.
 *
 * @param strictRfc {@code strict-rfc} of the instance (false: keepalived's fast preemption)
 * @param mysqlTracking how the instance tracks its local MySQL, the keys of its track entry besides the
 *     check's name ({@code weight: -60} or {@code on-down: fault})
 * @param withQualityCheck whether the nodes also run a {@code quality} exec check whose exit code is read
 *     from a file the test writes (0 UP, 2 DEGRADED, anything else DOWN), tracked with
 *     {@code degraded-weight: -60}
 */
record NodeSettings(boolean strictRfc, Map<String, Object> mysqlTracking, boolean withQualityCheck) {

  /** The check's weight when DOWN: 150 - 60 = 90 puts the master below the backup's 100. */
  static final int MYSQL_WEIGHT = -60;
  /** The quality check's weight when DEGRADED (and when DOWN). */
  static final int QUALITY_WEIGHT = -60;

  static NodeSettings fastPreemption() {
    return new NodeSettings(false, Map.of("weight", MYSQL_WEIGHT), false);
  }

  NodeSettings strict() {
    return new NodeSettings(true, mysqlTracking, withQualityCheck);
  }

  NodeSettings faultOnDown() {
    return new NodeSettings(strictRfc, Map.of("on-down", "fault"), withQualityCheck);
  }

  NodeSettings withQuality() {
    return new NodeSettings(strictRfc, mysqlTracking, true);
  }

  /** The YAML of one node. */
  String yaml(String node, int priority, int mysqlPort, String password, Path qualityFile) {
    Map<String, Object> mysql = schedule("mysql");
    mysql.put("host", "127.0.0.1");
    mysql.put("port", mysqlPort);
    mysql.put("user", DbPairLab.MYSQL_USER);
    mysql.put("password", password);
    // the plugin's own deadline (connect + query) stays inside the daemon's timeout, so a hung server is
    // reported by the plugin with its reason rather than as a bare daemon timeout
    mysql.put("connect-timeout", "400ms");
    mysql.put("query-timeout", "400ms");
    Map<String, Object> mysqlEntry = new LinkedHashMap<>();
    mysqlEntry.put("check", "mysql-local");
    mysqlEntry.putAll(mysqlTracking);
    List<Map<String, ?>> tracked = new ArrayList<>(List.of(mysqlEntry));
    VipdYaml yaml = VipdYaml.node(node).check("mysql-local", mysql);
    if (withQualityCheck) {
      Map<String, Object> quality = schedule("exec");
      quality.put("command", "exit $(cat " + qualityFile + ")");
      quality.put("degraded-exit-code", 2);
      quality.put("kill-timeout", "800ms");
      yaml.check("quality", quality);
      tracked.add(Map.of("check", "quality", "weight", QUALITY_WEIGHT, "degraded-weight", QUALITY_WEIGHT));
    }
    return yaml.instance(VipdYaml.Instance.named(DbPairLab.INSTANCE).vrid(51).version(3).priority(priority)
            .with("advert-interval", DbPairLab.ADVERT_INTERVAL_TEXT).with("strict-rfc", strictRfc)
            .vips(DbPairLab.VIP + "/24").trackChecks(tracked))
        .text();
  }

  private static Map<String, Object> schedule(String type) {
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("type", type);
    check.put("interval", DbPairLab.CHECK_INTERVAL_TEXT);
    check.put("timeout", DbPairLab.CHECK_INTERVAL_TEXT);
    check.put("fall", DbPairLab.FALL);
    check.put("rise", DbPairLab.RISE);
    return check;
  }
}
