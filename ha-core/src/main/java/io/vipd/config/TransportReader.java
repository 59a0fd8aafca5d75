package io.vipd.config;

import io.vipd.vrrp.VrrpConstants;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads an instance's {@code transport:} and {@code auth:}, the two parts of how adverts travel. */
final class TransportReader {
  private final NodeReader reader;
  private final PluginSettingsReader plugins;

  TransportReader(NodeReader reader) {
    this.reader = reader;
    this.plugins = new PluginSettingsReader(reader);
  }

  /**
   * @param instance where the instance's mapping starts, for a transport it does not write
   * @return the transport ({@value TransportConfig#DEFAULT_TYPE} when absent), or null after a problem
   */
  TransportConfig read(Node node, String path, ConfigLocation instance) {
    if (node == null) {
      return new TransportConfig(TransportConfig.DEFAULT_TYPE, PluginSettings.none(path, instance));
    }
    YamlMapping t = reader.mapping(node, path);
    if (t == null) {
      return null;
    }
    String type = t.required("type", reader::name);
    return type == null ? null : new TransportConfig(type, plugins.read(t, Set.of("type")));
  }

  /** {@code auth: {type: pass, password: ...}}, version 2 only; null when absent or invalid. */
  AuthConfig auth(Node node, String path, Integer version) {
    if (node == null) {
      return null;
    }
    if (Integer.valueOf(3).equals(version)) {
      reader.problem(node, path, "authentication exists in version 2 only (RFC 5798 removed it); remove `auth` or set version: 2");
      return null;
    }
    YamlMapping auth = reader.mapping(node, path);
    if (auth == null) {
      return null;
    }
    auth.rejectUnknownKeys(Set.of("type", "password"));
    String type = auth.string("type", "pass");
    if (!type.equals("pass")) {
      reader.problem(auth.value("type"), auth.path("type"), "must be `pass` (simple password; AH is not supported), got `" + type + "`");
    }
    String password = auth.required("password", reader::string);
    if (password != null && password.length() > VrrpConstants.AUTH_DATA_LENGTH) {
      reader.problem(
          auth.value("password"),
          auth.path("password"),
          "must be at most " + VrrpConstants.AUTH_DATA_LENGTH + " characters (RFC 2338 section 5.3.10), got " + password.length());
      return null;
    }
    return password == null ? null : new AuthConfig(new Secret(password));
  }
}
