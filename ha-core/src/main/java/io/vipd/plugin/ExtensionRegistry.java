package io.vipd.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The factories of one extension point by {@code type}, merged from built-ins and plugins. A type
 * claimed twice is an error naming both origins.
 */
public final class ExtensionRegistry<F> {
  private final ExtensionKind kind;
  private final Map<String, Registered<F>> byType = new LinkedHashMap<>();

  ExtensionRegistry(ExtensionKind kind) {
    this.kind = kind;
  }

  /** Adds a factory, or returns the problem when its type is already taken. */
  Optional<String> add(String type, F factory, String origin) {
    Registered<F> existing = byType.get(type);
    if (existing != null) {
      return Optional.of(kind.noun() + " type '" + type + "' is provided twice: by " + describe(existing.origin())
          + " and by " + describe(origin));
    }
    byType.put(type, new Registered<>(type, factory, origin));
    return Optional.empty();
  }

  private static String describe(String origin) {
    return Registered.BUILT_IN.equals(origin) ? "the daemon (built-in)" : "plugin '" + origin + "'";
  }

  public ExtensionKind kind() {
    return kind;
  }

  /** The factory for {@code type}, if any. */
  public Optional<F> get(String type) {
    return Optional.ofNullable(byType.get(type)).map(Registered::factory);
  }

  /** Where {@code type} comes from, if registered. */
  public Optional<Registered<F>> registration(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** Every registered type, sorted (for "unknown type 'x', known: ..." messages). */
  public List<String> types() {
    return List.copyOf(new TreeSet<>(byType.keySet()));
  }

  /** Every registration in the order added (built-ins first). */
  public List<Registered<F>> all() {
    return Collections.unmodifiableList(new ArrayList<>(byType.values()));
  }
}
