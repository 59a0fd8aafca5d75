package io.vipd.config;

import io.vipd.api.SecretResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}} and {@code ${file:/path}} references anywhere in a string; {@code $${}
 * stands for a literal {@code ${}. A file's contents lose one trailing newline. Relative file paths are
 * taken from the configuration file's directory. Error messages name the reference, never a value.
 */
public final class Secrets implements SecretResolver {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");

  private final Function<String, String> environment;
  private final Path baseDirectory;

  /**
   * @param environment looks up an environment variable, null when unset ({@code System::getenv})
   * @param baseDirectory where relative {@code ${file:...}} paths start
   */
  public Secrets(Function<String, String> environment, Path baseDirectory) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
  }

  /** Whether {@code value} contains a reference (so its resolved form must not be shown). */
  public static boolean containsReference(String value) {
    Matcher matcher = REFERENCE.matcher(value);
    while (matcher.find()) {
      if (matcher.group(1) != null) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String resolve(String value) {
    Matcher matcher = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String replacement = matcher.group(1) == null ? "${" : lookUp(matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private String lookUp(String reference) {
    if (reference.startsWith("env:")) {
      String name = reference.substring(4);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("`${env:}` names no environment variable");
      }
      String found = environment.apply(name);
      if (found == null) {
        throw new IllegalArgumentException("environment variable " + name + " is not set");
      }
      return found;
    }
    if (reference.startsWith("file:")) {
      String name = reference.substring(5);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("`${file:}` names no file");
      }
      return readFile(name);
    }
    throw new IllegalArgumentException(
        "unknown reference `${" + reference + "}`; use ${env:NAME} or ${file:/path}");
  }

  private String readFile(String name) {
    return readFile(baseDirectory.resolve(name));
  }

  /**
   * A secret file's contents without one trailing newline, as {@code ${file:...}} reads it.
   *
   * @throws IllegalArgumentException naming the file, never its contents
   */
  public static String readFile(Path file) {
    try {
      String contents = Files.readString(file, StandardCharsets.UTF_8);
      if (contents.endsWith("\r\n")) {
        return contents.substring(0, contents.length() - 2);
      }
      return contents.endsWith("\n") ? contents.substring(0, contents.length() - 1) : contents;
    } catch (IOException | SecurityException e) {
      // Only the exception type: some IOException messages quote what they read.
      throw new IllegalArgumentException(
          "cannot read secret file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }
}
