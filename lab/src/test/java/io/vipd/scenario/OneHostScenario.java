package io.vipd.scenario;

import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.testkit.Environment;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lifecycle shared by the scenarios on a single lab host ({@code n1}, 10.99.0.11 on eth0): a fresh lab per
 * test, removed afterwards whatever happened. A subclass's own {@code @BeforeAll} may ask for more tools.
 */
abstract class OneHostScenario {
  @TempDir Path directory;
  Lab lab;
  LabHost host;

  @BeforeAll
  static void needsRoot() {
    Environment.requireRootAndTools("ip");
  }

  @BeforeEach
  void createLab() throws Exception {
    lab = Lab.create();
    host = lab.addHost("n1", 11);
  }

  @AfterEach
  void removeLab() {
    if (lab != null) {
      lab.close();
    }
  }
}
