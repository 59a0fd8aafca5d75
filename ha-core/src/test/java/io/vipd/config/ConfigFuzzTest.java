package io.vipd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded mutations of the shipped example files (lines dropped, doubled, swapped or re-indented,
 * characters changed, values replaced): the loader either accepts the result or reports problems that
 * each name the file, a line and a column. Nothing else may come out: no exception, no problem without a
 * place.
 */
class ConfigFuzzTest {
  private static final int CASES = 2_000;
  private static final Pattern LOCATED = Pattern.compile("^[\\w.-]+\\.yaml:\\d+:\\d+ .+", Pattern.DOTALL);
  private static final String[] ODD_VALUES = {"", "-1", "0", "999999999999", "1.5", "true", "null", "~", "[]",
      "{}", "[a, b]", "\"\"", "'", "\"", "${env:NOPE}", "${file:/nonexistent}", "10.0.0.300/24", "fd00::1/200",
      "5x", "1e9s", "\t", ":", "- x", "&a", "*a", "!!binary abc", "<<: *a", "é", "\u0000"};

  private static final String ODD_CHARS = "x:-[]{}#&*!|>'\"%@` \t0";

  private final ConfigLoader loader = new ConfigLoader(Map.of("VIPD_WEBHOOK_SECRET", "s3cret")::get, () -> "host",
      Path.of("/opt/vipd"));

  @ParameterizedTest
  @ValueSource(strings = {"example.yaml", "example-web.yaml"})
  void everyMutationIsAcceptedOrRefusedWithFileLineAndColumn(String example) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("../config", example));
    SplittableRandom random = new SplittableRandom(example.hashCode());
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < CASES; i++) {
      String text = String.join("\n", mutate(lines, random));
      try {
        loader.load(example, text);
        accepted++;
      } catch (ConfigException e) {
        refused++;
        String what = "case " + i + ":\n" + text;
        assertThat(e.problems()).as(what).isNotEmpty()
            .allSatisfy(p -> assertThat(p.toString()).as(what).matches(LOCATED));
      } catch (RuntimeException e) {
        throw new AssertionError("case " + i + " threw " + e + " on:\n" + text, e);
      }
    }
    assertThat(refused).as("mutations refused").isPositive();
    assertThat(accepted + refused).isEqualTo(CASES);
  }

  private static List<String> mutate(List<String> original, SplittableRandom random) {
    List<String> lines = new ArrayList<>(original);
    for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
      int at = random.nextInt(lines.size());
      String line = lines.get(at);
      switch (random.nextInt(7)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, line);
        case 2 -> lines.set(at, (random.nextBoolean() ? "  " : "") + line.substring(Math.min(line.length(),
            random.nextBoolean() ? 2 : 0)));
        case 3 -> {
          int other = random.nextInt(lines.size());
          lines.set(at, lines.get(other));
          lines.set(other, line);
        }
        case 4 -> {
          int colon = line.indexOf(": ");
          if (colon > 0) {
            lines.set(at, line.substring(0, colon + 2) + ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
          }
        }
        case 5 -> {
          if (!line.isEmpty()) {
            char[] chars = line.toCharArray();
            chars[random.nextInt(chars.length)] = ODD_CHARS.charAt(random.nextInt(ODD_CHARS.length()));
            lines.set(at, new String(chars));
          }
        }
        default -> lines.set(at, line.replace("-", "_"));
      }
      if (lines.isEmpty()) {
        lines.add("");
      }
    }
    return lines;
  }
}
