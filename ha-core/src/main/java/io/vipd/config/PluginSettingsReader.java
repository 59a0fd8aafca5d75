package io.vipd.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Copies the plugin-owned keys of a mapping into a {@link JsonObject}: YAML integers, floats, booleans
 * and nulls keep their type, strings have their secret references resolved. The plugin validates the
 * contents later; here only references and duplicate keys can be wrong.
 */
final class PluginSettingsReader {
  private final NodeReader reader;

  PluginSettingsReader(NodeReader reader) {
    this.reader = reader;
  }

  /** Everything in {@code mapping} except {@code daemonKeys}. */
  PluginSettings read(YamlMapping mapping, Set<String> daemonKeys) {
    JsonObject values = new JsonObject();
    Map<String, ConfigLocation> locations = new HashMap<>();
    for (Map.Entry<String, NodeTuple> entry : mapping.entries().entrySet()) {
      if (!daemonKeys.contains(entry.getKey())) {
        Node value = entry.getValue().getValueNode();
        values.put(entry.getKey(), convert(value, mapping.path(entry.getKey()), entry.getKey(), locations));
      }
    }
    return new PluginSettings(values, mapping.path(), reader.locate(mapping.node()), locations);
  }

  private Object convert(Node node, String path, String key, Map<String, ConfigLocation> locations) {
    locations.put(key, reader.locate(node));
    if (node instanceof SequenceNode sequence) {
      JsonArray array = new JsonArray();
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        array.add(convert(items.get(i), path + "[" + i + "]", key + "[" + i + "]", locations));
      }
      return array;
    }
    if (node instanceof MappingNode mappingNode) {
      YamlMapping nested = new YamlMapping(reader, mappingNode, path);
      JsonObject object = new JsonObject();
      for (Map.Entry<String, NodeTuple> entry : nested.entries().entrySet()) {
        object.put(
            entry.getKey(),
            convert(
                entry.getValue().getValueNode(),
                nested.path(entry.getKey()),
                key + "." + entry.getKey(),
                locations));
      }
      return object;
    }
    return scalar((ScalarNode) node, path);
  }

  private Object scalar(ScalarNode node, String path) {
    Tag tag = node.getTag();
    String value = node.getValue();
    try {
      if (tag.equals(Tag.NULL)) {
        return null;
      }
      if (tag.equals(Tag.BOOL)) {
        return reader.bool(node, path);
      }
      if (tag.equals(Tag.INT)) {
        long number = Long.parseLong(value.replace("_", ""));
        return number == (int) number ? (Object) (int) number : (Object) number;
      }
      if (tag.equals(Tag.FLOAT)) {
        return Double.parseDouble(value.replace("_", ""));
      }
    } catch (NumberFormatException e) {
      // YAML 1.1 spellings (0x1F, 1:30) that Java does not parse: hand the plugin the text.
      return value;
    }
    Text text = reader.text(node, path);
    return text == null ? null : text.value();
  }
}
