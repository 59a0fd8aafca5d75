package io.vipd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code config/broken/} ends with {@code # expect: LINE:COLUMN PATH: MESSAGE} comments,
 * one per problem, in order; loading the file must report exactly those problems.
 */
class BrokenConfigTest {
  private static final String EXPECT = "# expect: ";

  static Stream<Path> brokenFiles() throws IOException, URISyntaxException {
    Path directory = Path.of(BrokenConfigTest.class.getResource("/config/broken").toURI());
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void reportsEveryProblemWithLineColumnAndPath(Path file) throws IOException {
    String text = Files.readString(file);
    String name = file.getFileName().toString();
    List<String> expected =
        text.lines()
            .filter(line -> line.startsWith(EXPECT))
            .map(line -> name + ":" + line.substring(EXPECT.length()))
            .toList();
    ConfigLoader loader =
        new ConfigLoader(Map.of("VIPD_API_TOKEN", "t0ken-value")::get, () -> "test-host", Path.of("/opt/vipd"));

    ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(name, text));

    assertThat(failure).as("%s must be rejected", name).isNotNull();
    assertThat(failure.problems()).extracting(ConfigProblem::toString).containsExactlyElementsOf(expected);
  }
}
