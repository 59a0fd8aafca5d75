package io.vipd.config;

import io.vipd.api.IpLiterals;
import io.vipd.api.Durations;
import java.net.InetAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Converts YAML nodes to typed values, resolving secret references, and collects a problem (with the
 * node's line and column) for every value that does not convert. Conversions return null after
 * recording a problem, so callers carry on and every problem in the file is found.
 */
final class NodeReader {
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  private final String file;
  private final Secrets secrets;
  private final List<ConfigProblem> problems = new ArrayList<>();

  NodeReader(String file, Secrets secrets) {
    this.file = file;
    this.secrets = secrets;
  }

  List<ConfigProblem> problems() {
    return problems;
  }

  ConfigLocation locate(Mark mark) {
    return new ConfigLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  ConfigLocation locate(Node node) {
    return locate(node.getStartMark());
  }

  void problem(Node node, String path, String message) {
    problems.add(new ConfigProblem(locate(node), path, message));
  }

  void problem(ConfigLocation location, String path, String message) {
    problems.add(new ConfigProblem(location, path, message));
  }

  /** An absent value: no node, or an empty one ({@code key:} with nothing after it, or {@code ~}). */
  static boolean isEmpty(Node node) {
    return node == null || (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL));
  }

  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return "`" + ((ScalarNode) node).getValue() + "`";
  }

  /** A scalar with its references resolved. */
  Text text(Node node, String path) {
    if (!(node instanceof ScalarNode scalar)) {
      problem(node, path, "must be a single value, got " + describe(node));
      return null;
    }
    String raw = scalar.getValue();
    try {
      return new Text(secrets.resolve(raw), raw, Secrets.containsReference(raw));
    } catch (IllegalArgumentException e) {
      problem(node, path, e.getMessage());
      return null;
    }
  }

  /** A non-empty string. */
  String string(Node node, String path) {
    Text text = text(node, path);
    if (text == null) {
      return null;
    }
    if (text.value().isBlank()) {
      problem(node, path, "must not be empty");
      return null;
    }
    return text.value();
  }

  /** A name others refer to: letters, digits, {@code - _ .}; at most 64 characters. */
  String name(Node node, String path) {
    String name = string(node, path);
    if (name != null && !NAME.matcher(name).matches()) {
      problem(node, path, "must be letters, digits, `-`, `_` or `.` (at most 64), got `" + name + "`");
      return null;
    }
    return name;
  }

  Integer integer(Node node, String path, int min, int max) {
    Text text = text(node, path);
    if (text == null) {
      return null;
    }
    String value = text.value().trim();
    if (!INTEGER.matcher(value).matches()) {
      problem(node, path, "must be an integer, got `" + text.shown() + "`");
      return null;
    }
    long number = Long.parseLong(value);
    if (number < min || number > max) {
      problem(node, path, "must be " + min + ".." + max + ", got " + text.shown());
      return null;
    }
    return (int) number;
  }

  Boolean bool(Node node, String path) {
    Text text = text(node, path);
    if (text == null) {
      return null;
    }
    switch (text.value().trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> {
        return true;
      }
      case "false", "no", "off" -> {
        return false;
      }
      default -> {
        problem(node, path, "must be true or false, got `" + text.shown() + "`");
        return null;
      }
    }
  }

  /** A duration within {@code min..max}. */
  Duration duration(Node node, String path, Duration min, Duration max) {
    Text text = text(node, path);
    if (text == null) {
      return null;
    }
    Duration duration;
    try {
      duration = Durations.parse(text.value());
    } catch (IllegalArgumentException e) {
      problem(node, path, text.secret() ? "must be a duration like `1s`, got `" + text.raw() + "`" : e.getMessage());
      return null;
    }
    if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
      problem(
          node,
          path,
          "must be " + Durations.format(min) + ".." + Durations.format(max) + ", got " + text.shown());
      return null;
    }
    return duration;
  }

  InetAddress address(Node node, String path) {
    Text text = text(node, path);
    if (text == null) {
      return null;
    }
    try {
      return IpLiterals.require(text.value().trim());
    } catch (IllegalArgumentException e) {
      problem(node, path, "must be an IP address, got `" + text.shown() + "`");
      return null;
    }
  }

  /** An absolute file system path. */
  Path absolutePath(Node node, String path) {
    Text text = text(node, path);
    if (text == null) {
      return null;
    }
    try {
      Path file = Path.of(text.value().trim());
      if (file.isAbsolute()) {
        return file;
      }
    } catch (InvalidPathException e) {
      // reported below
    }
    problem(node, path, "must be an absolute path (`/var/lib/vipd`), got `" + text.shown() + "`");
    return null;
  }

  /** The items of a list, or null after a problem. */
  List<Node> list(Node node, String path) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    String hint = node instanceof ScalarNode scalar ? "; write `[" + scalar.getValue() + "]`" : "";
    problem(node, path, "must be a list, got " + describe(node) + hint);
    return null;
  }

  /** A mapping, or null after a problem. */
  YamlMapping mapping(Node node, String path) {
    if (node instanceof MappingNode mapping) {
      return new YamlMapping(this, mapping, path);
    }
    problem(node, path, "must be a mapping (`key: value` lines), got " + describe(node));
    return null;
  }
}
