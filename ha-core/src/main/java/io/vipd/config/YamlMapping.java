package io.vipd.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML mapping being read: its keys (duplicates and non-scalar keys reported on construction) and
 * typed getters that report problems under {@code path.key}.
 */
final class YamlMapping {
  private final NodeReader reader;
  private final MappingNode node;
  private final String path;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  YamlMapping(NodeReader reader, MappingNode node, String path) {
    this.reader = reader;
    this.node = node;
    this.path = path;
    for (NodeTuple tuple : node.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalar) || NodeReader.isEmpty(keyNode)) {
        reader.problem(keyNode, path, "keys must be plain names, got " + NodeReader.describe(keyNode));
        continue;
      }
      String key = scalar.getValue();
      if ("<<".equals(key)) {
        reader.problem(keyNode, path, "merge keys (`<<`) are not supported; write the keys out");
        continue;
      }
      NodeTuple first = entries.putIfAbsent(key, tuple);
      if (first != null) {
        reader.problem(
            keyNode,
            path(key),
            "duplicate key (first at line " + (first.getKeyNode().getStartMark().getLine() + 1) + ")");
      }
    }
  }

  MappingNode node() {
    return node;
  }

  String path() {
    return path;
  }

  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  NodeReader reader() {
    return reader;
  }

  /** Reports every key not in {@code known}, with a "did you mean" hint. */
  void rejectUnknownKeys(Collection<String> known) {
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      if (!known.contains(entry.getKey())) {
        reader.problem(
            entry.getValue().getKeyNode(),
            path(entry.getKey()),
            "unknown key" + Suggestions.didYouMean(entry.getKey(), known));
      }
    }
  }

  /** Every key and value, in file order. */
  Map<String, NodeTuple> entries() {
    return entries;
  }

  /** The value under {@code key}, or null when absent or empty. */
  Node value(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null || NodeReader.isEmpty(tuple.getValueNode()) ? null : tuple.getValueNode();
  }

  /** The value under {@code key}, or null after reporting that it is required. */
  Node require(String key) {
    Node value = value(key);
    if (value == null) {
      NodeTuple tuple = entries.get(key);
      if (tuple == null) {
        reader.problem(node, path(key), "is required");
      } else {
        reader.problem(tuple.getKeyNode(), path(key), "needs a value");
      }
    }
    return value;
  }

  /** The value converted by {@code convert}, or {@code fallback} when absent or invalid. */
  <T> T get(String key, T fallback, BiFunction<Node, String, T> convert) {
    Node value = value(key);
    if (value == null) {
      return fallback;
    }
    T converted = convert.apply(value, path(key));
    return converted == null ? fallback : converted;
  }

  /** The value converted by {@code convert}, or null after a problem. */
  <T> T required(String key, BiFunction<Node, String, T> convert) {
    Node value = require(key);
    return value == null ? null : convert.apply(value, path(key));
  }

  String string(String key, String fallback) {
    return get(key, fallback, reader::string);
  }

  int integer(String key, int fallback, int min, int max) {
    return get(key, fallback, (n, p) -> reader.integer(n, p, min, max));
  }

  boolean bool(String key, boolean fallback) {
    return get(key, fallback, reader::bool);
  }

  Duration duration(String key, Duration fallback, Duration min, Duration max) {
    return get(key, fallback, (n, p) -> reader.duration(n, p, min, max));
  }

  /** A list of strings (empty when absent), each converted by {@code convert}; invalid items skipped. */
  List<String> strings(String key, BiFunction<Node, String, String> convert) {
    List<String> result = new ArrayList<>();
    Node value = value(key);
    if (value == null) {
      return result;
    }
    List<Node> items = reader.list(value, path(key));
    if (items == null) {
      return result;
    }
    for (int i = 0; i < items.size(); i++) {
      String item = convert.apply(items.get(i), path(key) + "[" + i + "]");
      if (item != null) {
        result.add(item);
      }
    }
    return result;
  }
}
