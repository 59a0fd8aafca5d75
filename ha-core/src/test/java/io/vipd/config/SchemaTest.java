package io.vipd.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The editor schema in config/vipd.schema.json must know the same keys as the loader. */
class SchemaTest {

  @Test
  void schemaListsTheKeysTheLoaderAccepts() throws IOException {
    JsonObject schema = new JsonObject(Files.readString(Path.of("../config/vipd.schema.json")));

    assertThat(schema.getJsonObject("properties").fieldNames())
        .containsExactlyInAnyOrderElementsOf(ConfigLoader.KEYS);
    assertThat(schema.getJsonObject("$defs").getJsonObject("instance").getJsonObject("properties").fieldNames())
        .containsExactlyInAnyOrderElementsOf(InstanceReader.KEYS);
    assertThat(schema.getJsonObject("$defs").getJsonObject("check").getJsonObject("properties").fieldNames())
        .containsExactlyInAnyOrderElementsOf(ChecksReader.DAEMON_KEYS);
  }
}
