package io.vipd.config;

import io.vipd.api.IpLiterals;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads a vipd YAML file into a {@link VipdConfig}, or fails with every problem found, each with file,
 * line, column and YAML path. Secret references ({@code ${env:X}}, {@code ${file:/p}}) are resolved
 * here; plugin-owned keys are passed through for the plugin host to validate.
 */
public final class ConfigLoader {
  static final Set<String> KEYS = Set.of("node", "plugins", "state-directory", "api", "checks", "notifiers", "instances");

  private final Function<String, String> environment;
  private final Supplier<String> hostName;
  private final Path vipdHome;

  /** Reads the process environment; node defaults to the host name, plugins to {@code $vipd.home/plugins}. */
  public ConfigLoader() {
    this(System::getenv, ConfigLoader::localHostName, Path.of(System.getProperty("vipd.home", ".")));
  }

  /**
   * @param environment environment variable lookup for {@code ${env:...}}, null when unset
   * @param hostName the default node name
   * @param vipdHome the installation directory; default plugins directory is its {@code plugins/}
   */
  public ConfigLoader(Function<String, String> environment, Supplier<String> hostName, Path vipdHome) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.hostName = Objects.requireNonNull(hostName, "hostName");
    this.vipdHome = Objects.requireNonNull(vipdHome, "vipdHome");
  }

  /** Reads {@code file}; relative {@code ${file:...}} paths start at its directory. */
  public VipdConfig load(Path file) throws ConfigException {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(List.of(new ConfigProblem(
          new ConfigLocation(name, 0, 0), "", "cannot read the file (" + e.getClass().getSimpleName() + ")")));
    }
    Path directory = file.toAbsolutePath().getParent();
    return load(name, text, directory == null ? Path.of(".") : directory);
  }

  /** Reads YAML {@code text} that problems will attribute to {@code name}. */
  public VipdConfig load(String name, String text) throws ConfigException {
    return load(name, text, Path.of("."));
  }

  private VipdConfig load(String name, String text, Path directory) throws ConfigException {
    NodeReader reader = new NodeReader(name, new Secrets(environment, directory));
    Node root = compose(name, text);
    if (root == null) {
      throw new ConfigException(List.of(new ConfigProblem(
          new ConfigLocation(name, 0, 0), "", "the file is empty; see config/example.yaml")));
    }
    YamlMapping top = reader.mapping(root, "");
    VipdConfig config = top == null ? null : read(reader, top);
    if (!reader.problems().isEmpty()) {
      List<ConfigProblem> sorted = new ArrayList<>(reader.problems());
      sorted.sort(Comparator.comparingInt((ConfigProblem p) -> p.location().line())
          .thenComparingInt(p -> p.location().column()));
      throw new ConfigException(sorted);
    }
    return config;
  }

  private VipdConfig read(NodeReader reader, YamlMapping top) {
    top.rejectUnknownKeys(KEYS);
    String node = top.string("node", null);
    Path plugins = pluginsDirectory(reader, top.value("plugins"), top.path("plugins"));
    Optional<Path> stateDirectory = Optional.ofNullable(top.get("state-directory", null, reader::absolutePath));
    Optional<ApiConfig> api = Optional.ofNullable(api(reader, top.value("api"), top.path("api")));
    ChecksReader checksReader = new ChecksReader(reader);
    Map<String, CheckConfig> checks = checksReader.read(top.value("checks"), "checks");
    NotifiersReader notifiersReader = new NotifiersReader(reader);
    Map<String, NotifierConfig> notifiers = notifiersReader.read(top.value("notifiers"), "notifiers");
    InstanceReader instanceReader =
        new InstanceReader(reader, checksReader.declaredNames(), notifiersReader.declaredNames());
    List<InstanceConfig> instances = new ArrayList<>();
    Node instancesNode = top.value("instances");
    List<Node> items = instancesNode == null ? null : reader.list(instancesNode, "instances");
    if (instancesNode == null || (items != null && items.isEmpty())) {
      reader.problem(instancesNode == null ? top.node() : instancesNode, "instances", "at least one instance is required");
    }
    for (int i = 0; items != null && i < items.size(); i++) {
      InstanceConfig instance = instanceReader.read(items.get(i), "instances[" + i + "]");
      if (instance != null) {
        instances.add(instance);
      }
    }
    return new VipdConfig(
        reader.locate(top.node()).file(),
        node == null ? hostName.get() : node,
        plugins,
        stateDirectory,
        api,
        checks,
        notifiers,
        instances);
  }

  private Path pluginsDirectory(NodeReader reader, Node node, String path) {
    Path fallback = vipdHome.resolve("plugins");
    YamlMapping plugins = node == null ? null : reader.mapping(node, path);
    if (plugins == null) {
      return fallback;
    }
    plugins.rejectUnknownKeys(Set.of("directory"));
    String directory = plugins.string("directory", null);
    return directory == null ? fallback : vipdHome.resolve(directory);
  }

  private ApiConfig api(NodeReader reader, Node node, String path) {
    YamlMapping api = node == null ? null : reader.mapping(node, path);
    if (api == null) {
      return null;
    }
    api.rejectUnknownKeys(Set.of("listen", "token"));
    Node listenNode = api.value("listen");
    String listen = api.string("listen", ApiConfig.DEFAULT_LISTEN);
    Optional<Secret> token = Optional.ofNullable(api.get("token", null, reader::string)).map(Secret::new);
    int colon = listen.lastIndexOf(':');
    String host = colon < 0 ? "" : listen.substring(0, colon);
    String port = colon < 0 ? "" : listen.substring(colon + 1);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      InetAddress address = IpLiterals.require(host);
      int number = Integer.parseInt(port);
      if (number < 1 || number > 65535) {
        throw new IllegalArgumentException("port");
      }
      return new ApiConfig(address.getHostAddress(), number, token);
    } catch (IllegalArgumentException e) {
      reader.problem(listenNode, api.path("listen"),
          "must be ADDRESS:PORT with an IP address and a port 1..65535 (`127.0.0.1:9595`, `[::1]:9595`), got `" + listen + "`");
      return null;
    }
  }

  private static Node compose(String name, String text) throws ConfigException {
    try {
      return new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      ConfigLocation location = mark == null
          ? new ConfigLocation(name, 0, 0)
          : new ConfigLocation(name, mark.getLine() + 1, mark.getColumn() + 1);
      String message = "malformed YAML: " + e.getProblem();
      Mark context = e.getContextMark();
      if (e.getContext() != null && context != null && mark != null && context.getLine() != mark.getLine()) {
        message += " (" + e.getContext() + " at line " + (context.getLine() + 1) + ")";
      }
      throw new ConfigException(List.of(new ConfigProblem(location, "", message)));
    } catch (ReaderException e) {
      // a character YAML does not allow (a NUL, most control characters): SnakeYAML gives its index only
      throw new ConfigException(List.of(new ConfigProblem(at(name, text, e.getPosition()), "",
          "malformed YAML: character U+%04X is not allowed in YAML".formatted(e.getCodePoint()))));
    } catch (YAMLException e) {
      throw new ConfigException(List.of(new ConfigProblem(new ConfigLocation(name, 0, 0), "", "malformed YAML: " + e.getMessage())));
    }
  }

  /** Line and column (from 1) of the character at {@code index} of {@code text}. */
  private static ConfigLocation at(String name, String text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < Math.min(index, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new ConfigLocation(name, line, index - lineStart + 1);
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
