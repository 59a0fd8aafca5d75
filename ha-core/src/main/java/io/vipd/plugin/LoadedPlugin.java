package io.vipd.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A plugin jar the host loaded, as {@code vipd plugins} lists it.
 *
 * @param id the {@code Plugin-Id}
 * @param version the {@code Plugin-Version}
 * @param jar where it was loaded from
 * @param types the YAML types it provides, by extension kind (kinds it does not provide are absent)
 */
public record LoadedPlugin(String id, String version, Path jar, Map<ExtensionKind, List<String>> types) {
  public LoadedPlugin {
    types = Map.copyOf(types);
  }
}
