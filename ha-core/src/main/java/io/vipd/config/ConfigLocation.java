package io.vipd.config;

/**
 * Where something was written in a configuration file.
 *
 * @param file the file name as given by the user ({@code /etc/vipd/vipd.yaml})
 * @param line 1-based line, 0 when the problem concerns the whole file
 * @param column 1-based column, 0 when the problem concerns the whole file
 */
public record ConfigLocation(String file, int line, int column) {

  /** {@code vipd.yaml:12:11}, or just the file name when there is no line. */
  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line + ":" + column;
  }
}
