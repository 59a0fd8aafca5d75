package io.vipd.config;

/**
 * How an instance's adverts travel: {@code transport: {type: ..., ...}}. Every type, the built-in
 * {@code multicast} (the default) and {@code unicast} as much as a plugin's, is read by its factory from
 * {@code settings}, so each key is parsed in one place.
 *
 * @param type the {@code type:} value
 * @param settings the other keys, for the factory
 */
public record TransportConfig(String type, PluginSettings settings) {
  /** The type used when an instance has no {@code transport:}. */
  public static final String DEFAULT_TYPE = "multicast";
}
