package io.vipd.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Turns the {@code GET /status} JSON into the compact text {@code vipd status} prints. */
final class StatusTable {
  private StatusTable() {}

  static String render(JsonObject status) {
    StringBuilder out = new StringBuilder();
    out.append("node ").append(status.getString("node")).append(", vipd ").append(status.getString("version"))
        .append(", up ").append(uptime(status.getDouble("uptime_seconds", 0.0))).append('\n');
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"INSTANCE", "STATE", "PRIORITY", "VIPS", "MASTER"});
    List<String> inMaintenance = new ArrayList<>();
    for (Object item : status.getJsonArray("instances", new JsonArray())) {
      JsonObject i = (JsonObject) item;
      if (i.getBoolean("maintenance", false)) {
        inMaintenance.add(i.getString("name"));
      }
      JsonObject priority = i.getJsonObject("priority");
      int base = priority.getInteger("base");
      int effective = priority.getInteger("effective");
      String state = i.getString("state");
      if (i.getString("fault") != null) {
        state += " (" + i.getString("fault") + ")";
      }
      rows.add(new String[] {
          i.getString("name"),
          state,
          effective == base ? String.valueOf(base) : effective + " (base " + base + ")",
          String.join(",", i.getJsonArray("vips").stream().map(String::valueOf).toList()),
          master(i)});
    }
    table(out, rows);
    if (!inMaintenance.isEmpty()) {
      out.append("in maintenance: ").append(String.join(", ", inMaintenance))
          .append(" (kept across restarts; `vipd maintenance INSTANCE off` ends it)\n");
    }
    JsonArray checks = status.getJsonArray("checks", new JsonArray());
    if (!checks.isEmpty()) {
      List<String[]> checkRows = new ArrayList<>();
      checkRows.add(new String[] {"CHECK", "TYPE", "STATUS", "LATENCY", "MESSAGE"});
      for (Object item : checks) {
        JsonObject c = (JsonObject) item;
        Double latency = c.getDouble("latency_seconds");
        checkRows.add(new String[] {c.getString("name"), c.getString("type"), c.getString("status"),
            latency == null ? "-" : Math.round(latency * 1000) + " ms", c.getString("message", "")});
      }
      out.append('\n');
      table(out, checkRows);
    }
    return out.toString();
  }

  private static String master(JsonObject instance) {
    String master = instance.getString("master");
    if (master == null) {
      return "-";
    }
    return "MASTER".equals(instance.getString("state")) ? master + " (this node)" : master;
  }

  private static void table(StringBuilder out, List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        line.append(c == row.length - 1 ? row[c] : String.format("%-" + (widths[c] + 2) + "s", row[c]));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  static String uptime(double seconds) {
    long s = (long) seconds;
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m" + String.format("%02d", s % 60) + "s";
    }
    if (s < 86400) {
      return s / 3600 + "h" + String.format("%02d", s % 3600 / 60) + "m";
    }
    return s / 86400 + "d" + String.format("%02d", s % 86400 / 3600) + "h";
  }
}
