package io.vipd.plugin;

/**
 * One factory in a registry.
 *
 * @param type the YAML {@code type:} it answers to
 * @param factory the factory
 * @param origin the id of the plugin that provides it, or {@link #BUILT_IN}
 */
public record Registered<F>(String type, F factory, String origin) {
  /** The origin of factories the daemon registers itself. */
  public static final String BUILT_IN = "built-in";
}
