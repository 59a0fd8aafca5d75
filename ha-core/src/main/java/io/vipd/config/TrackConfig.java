package io.vipd.config;

import io.vipd.track.TrackedCheck;
import java.util.List;

/**
 * What an instance tracks.
 *
 * @param interfaces interfaces whose link going down puts the instance in FAULT
 * @param checks checks that lower the priority or force FAULT
 */
public record TrackConfig(List<String> interfaces, List<TrackedCheck> checks) {

  public static final TrackConfig NONE = new TrackConfig(List.of(), List.of());

  public TrackConfig {
    interfaces = List.copyOf(interfaces);
    checks = List.copyOf(checks);
  }
}
