package io.vipd.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import io.vipd.lab.MariaDbServer;
import io.vipd.lab.Tools;
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
    return Tools.isRoot();
  }

  public static boolean hasTool(String name) {
    return Tools.onPath(name);
  }

  /** Skips (or fails under CI) unless running as root with every tool present. */
  public static void requireRootAndTools(String... tools) {
    require(isRoot(), "needs root (network namespaces, raw sockets)");
    for (String tool : tools) {
      require(hasTool(tool), "needs '" + tool + "' on the PATH (scripts/test.sh installs it)");
    }
  }

  /** Skips (or fails under CI) unless root with everything a {@link MariaDbServer} runs. */
  public static void requireMariaDb() {
    requireRootAndTools(MariaDbServer.TOOLS.toArray(String[]::new));
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
