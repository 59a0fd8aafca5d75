package io.vipd.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Which of the capabilities vipd needs this process lacks, from the effective set the kernel reports in
 * {@code /proc/self/status} ({@code CapEff}): the one place that knows what to tell a user who lacks one.
 * Root has all of them, unless its bounding set was cut down.
 */
public final class Capabilities {
  private static final Path STATUS = Path.of("/proc/self/status");

  private Capabilities() {}

  /**
   * A sentence naming exactly those of {@code needed} this process lacks, what each is for and how to grant
   * it; empty when it has them all, or when the effective set cannot be read (then the system calls that
   * need them report it).
   */
  public static Optional<String> lacking(Capability... needed) {
    OptionalLong effective = effective();
    if (effective.isEmpty()) {
      return Optional.empty();
    }
    List<Capability> missing = missing(effective.getAsLong(), needed);
    return missing.isEmpty() ? Optional.empty() : Optional.of(describe(missing));
  }

  /** The effective capability mask of this process, if {@code /proc/self/status} says. */
  static OptionalLong effective() {
    try {
      return effective(Files.readString(STATUS));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** The {@code CapEff:} mask of a {@code /proc/PID/status} text (hexadecimal, as the kernel writes it). */
  static OptionalLong effective(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("CapEff:")) {
        try {
          return OptionalLong.of(Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16));
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }

  /** Those of {@code needed} whose bit is not set in {@code effective}, in the order given. */
  static List<Capability> missing(long effective, Capability... needed) {
    List<Capability> missing = new ArrayList<>();
    for (Capability capability : needed) {
      if ((effective & (1L << capability.bit())) == 0) {
        missing.add(capability);
      }
    }
    return missing;
  }

  static String describe(List<Capability> missing) {
    String what = missing.stream().map(c -> c.capName() + " (" + c.purpose() + ")")
        .collect(Collectors.joining(" and "));
    String names = missing.stream().map(Capability::capName).collect(Collectors.joining(" "));
    return "missing " + what + ": run vipd as root or grant " + (missing.size() == 1 ? "it" : "them")
        + " (systemd: AmbientCapabilities=" + names + ")";
  }
}
