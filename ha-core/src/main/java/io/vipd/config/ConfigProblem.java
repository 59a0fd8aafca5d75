package io.vipd.config;

/**
 * One thing wrong with a configuration file. Messages never contain a resolved secret.
 *
 * @param location file, line and column of the offending node
 * @param path the YAML path of the offending value ({@code instances[0].vrid}), empty for the file itself
 * @param message what is wrong, and how to fix it when that is not obvious
 */
public record ConfigProblem(ConfigLocation location, String path, String message) {

  /**
   * {@code vipd.yaml:12:11 instances[0].vrid: must be 1..255, got 300}; {@code vipd.yaml: message} for the
   * file as a whole.
   */
  @Override
  public String toString() {
    if (path.isEmpty()) {
      return location + (location.line() == 0 ? ": " : " ") + message;
    }
    return location + " " + path + ": " + message;
  }
}
