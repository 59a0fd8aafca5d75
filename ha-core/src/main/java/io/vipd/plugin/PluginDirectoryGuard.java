package io.vipd.plugin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Refuses a plugin directory, or a jar in it, that someone other than root or the daemon's user could
 * change: code loaded from there runs with the daemon's capabilities (CAP_NET_ADMIN), so a
 * group- or world-writable jar would be a privilege escalation.
 */
public final class PluginDirectoryGuard {
  private final Set<String> trustedOwners;

  /** Trusts files owned by root or by {@code daemonUser}. */
  public PluginDirectoryGuard(String daemonUser) {
    this.trustedOwners = new java.util.TreeSet<>(List.of("root", daemonUser));
  }

  /** Trusts root and the user running this JVM. */
  public static PluginDirectoryGuard forCurrentUser() {
    return new PluginDirectoryGuard(System.getProperty("user.name"));
  }

  /**
   * Checks the directory and every {@code *.jar} in it.
   *
   * @return the jars, sorted by name
   * @throws PluginLoadException listing every unsafe file
   */
  public List<Path> verify(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new PluginLoadException("plugin directory " + directory + " does not exist or is not a directory");
    }
    List<String> problems = new ArrayList<>();
    check(directory, "plugin directory", problems);
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.jar")) {
      entries.forEach(jars::add);
    } catch (IOException e) {
      throw new PluginLoadException("cannot list plugin directory " + directory + ": " + e.getMessage());
    }
    jars.sort(null);
    for (Path jar : jars) {
      check(jar, "plugin jar", problems);
    }
    if (!problems.isEmpty()) {
      throw new PluginLoadException(problems);
    }
    return jars;
  }

  private void check(Path path, String what, List<String> problems) {
    PosixFileAttributes attributes;
    try {
      // NOFOLLOW: a symlink is judged by itself, and a symlinked jar is refused below as "not a regular file"
      attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | UnsupportedOperationException e) {
      problems.add("cannot read owner and permissions of " + what + " " + path + ": " + e.getMessage());
      return;
    }
    if (what.equals("plugin jar") && !attributes.isRegularFile()) {
      problems.add(what + " " + path + " is not a regular file (symlinks are refused)");
    }
    String owner = attributes.owner().getName();
    if (!trustedOwners.contains(owner)) {
      problems.add(what + " " + path + " is owned by '" + owner + "'; only " + trustedOwners
          + " may own plugin code (chown it)");
    }
    Set<PosixFilePermission> permissions = attributes.permissions();
    if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
      problems.add(what + " " + path + " is writable by group or others; refusing to load plugin code from it"
          + " (chmod go-w " + path + ")");
    }
  }
}
