package io.vipd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class MaintenanceStateTest {
  private static final List<String> CONFIGURED = List.of("db", "web");

  @TempDir Path dir;
  private final Logger logger = (Logger) LoggerFactory.getLogger(MaintenanceState.class);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    logger.detachAppender(logs);
  }

  private Path file() {
    return dir.resolve(MaintenanceState.FILE_NAME);
  }

  private List<String> logged(Level level) {
    return logs.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void aDrainedInstanceIsStillDrainedAfterARestartAndNotAfterOff() throws Exception {
    MaintenanceState first = MaintenanceState.load(dir, CONFIGURED);
    assertThat(first.contains("web")).isFalse();

    assertThat(first.set("web", true)).isTrue();

    assertThat(new JsonObject(Files.readString(file())))
        .isEqualTo(new JsonObject().put("version", 1).put("maintenance", List.of("web")));
    MaintenanceState restarted = MaintenanceState.load(dir, CONFIGURED);
    assertThat(restarted.contains("web")).isTrue();
    assertThat(restarted.contains("db")).isFalse();
    assertThat(restarted.startReason()).isEqualTo(MaintenanceState.FAULT);
    assertThat(logged(Level.INFO)).anyMatch(line -> line.startsWith("instance(s) web stay in maintenance"));

    assertThat(restarted.set("web", false)).isTrue();

    assertThat(MaintenanceState.load(dir, CONFIGURED).contains("web")).isFalse();
  }

  @Test
  void noFileMeansNoMaintenanceAndTheDirectoryIsCreatedAtTheFirstChange() {
    Path missing = dir.resolve("var/lib/vipd");
    MaintenanceState state = MaintenanceState.load(missing, CONFIGURED);

    assertThat(state.contains("web") || state.contains("db")).isFalse();
    assertThat(state.set("db", true)).isTrue();
    assertThat(MaintenanceState.load(missing, CONFIGURED).contains("db")).isTrue();
    assertThat(logged(Level.ERROR)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{\"version\":1,\"maintenance\":[\"web\"", "garbage", "[]", "{\"version\":1}",
      "{\"version\":2,\"maintenance\":[]}", "{\"version\":1,\"maintenance\":[7]}", "{\"version\":1,\"maintenance\":\"web\"}"})
  void aFileThatIsNotReadablePutsEveryInstanceInMaintenance(String contents) throws Exception {
    Files.writeString(file(), contents);

    MaintenanceState state = MaintenanceState.load(dir, CONFIGURED);

    assertThat(state.contains("web")).isTrue();
    assertThat(state.contains("db")).isTrue();
    assertThat(state.startReason()).isEqualTo("maintenance (state file unreadable)");
    assertThat(logged(Level.ERROR)).singleElement().asString()
        .startsWith("cannot read the maintenance state " + file())
        .contains("every instance starts in maintenance").contains("vipd maintenance NAME off");
  }

  @Test
  void endingMaintenanceAfterAnUnreadableFileRewritesIt() throws Exception {
    Files.writeString(file(), "{\"version\":1,\"mainten");
    MaintenanceState state = MaintenanceState.load(dir, CONFIGURED);

    assertThat(state.set("db", false)).isTrue();

    MaintenanceState restarted = MaintenanceState.load(dir, CONFIGURED);
    assertThat(restarted.contains("web")).as("still drained: nobody said otherwise").isTrue();
    assertThat(restarted.contains("db")).isFalse();
    assertThat(restarted.startReason()).isEqualTo(MaintenanceState.FAULT);
  }

  @Test
  void aFileThatCannotBeReadAtAllIsUnreadableToo() throws Exception {
    Files.createDirectory(file());

    MaintenanceState state = MaintenanceState.load(dir, CONFIGURED);

    assertThat(state.contains("web") && state.contains("db")).isTrue();
    assertThat(logged(Level.ERROR)).singleElement().asString().contains("IOException");
  }

  @Test
  void anInstanceNoLongerConfiguredIsIgnoredAndDroppedAtTheNextWrite() throws Exception {
    Files.writeString(file(), "{\"version\":1,\"maintenance\":[\"gone\",\"web\"]}\n");

    MaintenanceState state = MaintenanceState.load(dir, CONFIGURED);

    assertThat(state.contains("gone")).isFalse();
    assertThat(state.contains("web")).isTrue();
    assertThat(logged(Level.INFO)).contains(file() + " names instance gone, which is not configured: ignored");
    state.set("db", true);
    assertThat(new JsonObject(Files.readString(file())).getJsonArray("maintenance").getList())
        .containsExactly("db", "web");
  }

  @Test
  void aReaderNeverSeesAHalfWrittenFileAndNoTemporaryFileStays() throws Exception {
    MaintenanceState state = MaintenanceState.load(dir, CONFIGURED);
    state.set("web", true);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<String> seen = new ArrayList<>();
    Thread reader = new Thread(() -> {
      while (writing.get()) {
        try {
          seen.add(Files.readString(file()));
        } catch (java.io.IOException e) {
          seen.add("read failed: " + e);
        }
      }
    });
    reader.start();
    try {
      for (int i = 0; i < 300; i++) {
        state.set("db", i % 2 == 0);
      }
    } finally {
      writing.set(false);
      reader.join();
    }

    assertThat(seen).isNotEmpty().allSatisfy(text -> assertThat(text).isIn(
        "{\"version\":1,\"maintenance\":[\"web\"]}\n", "{\"version\":1,\"maintenance\":[\"db\",\"web\"]}\n"));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(MaintenanceState.FILE_NAME);
    }
  }

  @Test
  void aTemporaryFileLeftByACrashChangesNothing() throws Exception {
    MaintenanceState.load(dir, CONFIGURED).set("web", true);
    Files.writeString(dir.resolve(MaintenanceState.FILE_NAME + ".tmp"), "{\"version\":1,\"maint");

    MaintenanceState restarted = MaintenanceState.load(dir, CONFIGURED);

    assertThat(restarted.contains("web")).isTrue();
    assertThat(restarted.contains("db")).isFalse();
    assertThat(restarted.set("db", true)).isTrue();
    assertThat(MaintenanceState.load(dir, CONFIGURED).contains("db")).isTrue();
  }

  @Test
  void aChangeThatCannotBeSavedStillHoldsAndSaysSo() throws Exception {
    MaintenanceState state = MaintenanceState.load(dir, CONFIGURED);
    Files.createDirectory(dir.resolve(MaintenanceState.FILE_NAME + ".tmp")); // the write cannot even start

    assertThat(state.set("web", true)).isFalse();

    assertThat(state.contains("web")).isTrue();
    assertThat(Files.exists(file())).isFalse();
    assertThat(logged(Level.WARN)).singleElement().asString()
        .startsWith("cannot save the maintenance state to " + file())
        .endsWith("maintenance on for web holds only until vipd stops");
  }
}
