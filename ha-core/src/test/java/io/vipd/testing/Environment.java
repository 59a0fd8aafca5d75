package io.vipd.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import org.junit.jupiter.api.Assumptions;

/**
 * Preconditions of tests that need root or a system tool. Outside CI a missing precondition skips the
 * test with the reason; under {@code CI=true} it fails it, because CI must run every test.
 */
public final class Environment {
  private Environment() {}

  public static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  public static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Whether an executable of this name is on the PATH (or in /usr/sbin, /sbin). */
  public static boolean hasTool(String name) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin";
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && new File(dir, name).canExecute()) {
        return true;
      }
    }
    return false;
  }

  /** Skips (or fails under CI) unless running as root with every tool present. */
  public static void requireRootAndTools(String... tools) {
    require(isRoot(), "needs root (network namespaces, raw sockets)");
    for (String tool : tools) {
      require(hasTool(tool), "needs '" + tool + "' on the PATH (scripts/test.sh installs it)");
    }
  }

  /** Skips the test with {@code reason} unless {@code condition}; under CI fails it instead. */
  public static void require(boolean condition, String reason) {
    if (condition) {
      return;
    }
    if (isCi()) {
      fail("CI=true but this test would be skipped: " + reason);
    }
    Assumptions.abort(reason);
  }
}
