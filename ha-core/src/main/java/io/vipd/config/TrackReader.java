package io.vipd.config;

import io.vipd.track.TrackedCheck;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads an instance's {@code track:} and checks that every tracked check exists. */
final class TrackReader {
  private static final Set<String> KEYS = Set.of("interfaces", "checks");
  private static final Set<String> CHECK_KEYS = Set.of("check", "weight", "degraded-weight", "on-down");
  /** keepalived's weight range: a weight can move a priority across the whole 1..254 span. */
  private static final int MAX_WEIGHT = 254;

  private final NodeReader reader;
  private final Set<String> checkNames;

  TrackReader(NodeReader reader, Set<String> checkNames) {
    this.reader = reader;
    this.checkNames = checkNames;
  }

  TrackConfig read(Node node, String path) {
    YamlMapping track = node == null ? null : reader.mapping(node, path);
    if (track == null) {
      return TrackConfig.NONE;
    }
    track.rejectUnknownKeys(KEYS);
    List<String> interfaces = track.strings("interfaces", (n, p) -> InstanceReader.interfaceName(reader, n, p));
    List<TrackedCheck> checks = new ArrayList<>();
    Node checksNode = track.value("checks");
    List<Node> items = checksNode == null ? null : reader.list(checksNode, track.path("checks"));
    Set<String> seen = new HashSet<>();
    for (int i = 0; items != null && i < items.size(); i++) {
      String itemPath = track.path("checks") + "[" + i + "]";
      TrackedCheck check = readCheck(items.get(i), itemPath);
      if (check != null && !seen.add(check.name())) {
        reader.problem(items.get(i), itemPath, "check `" + check.name() + "` is tracked twice");
      } else if (check != null) {
        checks.add(check);
      }
    }
    return new TrackConfig(interfaces, checks);
  }

  private TrackedCheck readCheck(Node node, String path) {
    YamlMapping item = reader.mapping(node, path);
    if (item == null) {
      return null;
    }
    item.rejectUnknownKeys(CHECK_KEYS);
    String name = item.required("check", this::checkReference);
    Integer weight = item.get("weight", null, (n, p) -> reader.integer(n, p, -MAX_WEIGHT, MAX_WEIGHT));
    int degradedWeight = item.integer("degraded-weight", 0, -MAX_WEIGHT, MAX_WEIGHT);
    Node onDown = item.value("on-down");
    boolean fault = false;
    if (onDown != null) {
      String action = reader.string(onDown, item.path("on-down"));
      if (action != null && !action.equals("fault")) {
        reader.problem(onDown, item.path("on-down"), "must be `fault` (use `weight` to lower the priority), got `" + action + "`");
        return null;
      }
      fault = action != null;
      if (item.value("weight") != null) {
        reader.problem(onDown, item.path("on-down"), "use either `weight` or `on-down: fault`, not both");
        return null;
      }
    } else if (item.value("weight") == null) {
      reader.problem(node, path, "needs `weight` (added to the priority while DOWN) or `on-down: fault`");
      return null;
    }
    if (name == null || (!fault && weight == null)) {
      return null;
    }
    return new TrackedCheck(name, fault ? 0 : weight, degradedWeight, fault);
  }

  private String checkReference(Node node, String path) {
    String name = reader.string(node, path);
    if (name != null && !checkNames.contains(name)) {
      reader.problem(node, path, "undefined check `" + name + "`" + hint(name));
      return null;
    }
    return name;
  }

  private String hint(String name) {
    if (checkNames.isEmpty()) {
      return " (no checks are defined under `checks:`)";
    }
    String hint = Suggestions.didYouMean(name, checkNames);
    return hint.isEmpty() ? "; defined: " + String.join(", ", checkNames) : hint;
  }
}
