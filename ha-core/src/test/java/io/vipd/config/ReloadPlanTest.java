package io.vipd.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.config.ReloadPlan.Change;
import io.vipd.config.ReloadPlan.Item;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reload would change, from two configuration files. */
class ReloadPlanTest {
  private static final String BASE = """
      checks:
        db: { type: tcp, host: 127.0.0.1, port: 3306 }
      notifiers:
        hook: { type: webhook, url: "http://127.0.0.1:9000/" }
      instances:
        - name: web
          interface: eth0
          vrid: 7
          priority: 100
          vips: [10.99.0.7/24]
          track: { checks: [ { check: db, weight: -20 } ] }
        - name: db
          interface: eth0
          vrid: 8
          vips: [10.99.0.8/24]
      """;

  @TempDir Path dir;

  private VipdConfig load(String yaml) throws Exception {
    return new ConfigLoader(Map.<String, String>of()::get, () -> "n1", dir).load("vipd.yaml", yaml);
  }

  private ReloadPlan plan(String before, String after) throws Exception {
    return ReloadPlan.between(load(before), load(after));
  }

  @Test
  void theSameFileChangesNothingEvenWhenItsLinesMoved() throws Exception {
    ReloadPlan plan = plan(BASE, "# a comment moves every line down\n\n" + BASE);

    assertThat(plan.changesAnything()).isFalse();
    assertThat(plan.instances()).extracting(Item::change).containsOnly(Change.UNCHANGED);
    assertThat(plan.lines()).contains("instance web: unchanged (keeps its state, VIPs and adverts)",
        "check db: unchanged (keeps its status)", "notifier hook: unchanged");
  }

  @Test
  void aChangedPriorityIsAppliedInPlace() throws Exception {
    ReloadPlan plan = plan(BASE, BASE.replace("priority: 100", "priority: 150"));

    assertThat(plan.instances()).containsExactly(
        new Item("web", Change.CHANGED, List.of("priority 100 -> 150")),
        new Item("db", Change.UNCHANGED, List.of()));
    assertThat(plan.lines()).contains("instance web: changed in place (keeps its state): priority 100 -> 150");
  }

  @Test
  void vipsIntervalAndTransportChangesAreListed() throws Exception {
    ReloadPlan plan = plan(BASE, BASE.replace("vips: [10.99.0.7/24]", "vips: [10.99.0.7/24, 10.99.0.17/24]\n"
        + "    advert-interval: 100ms\n    transport: { type: unicast, peers: [10.99.0.12] }"));

    assertThat(plan.instances().get(0).details()).containsExactly("advert-interval 1s -> 100ms",
        "transport multicast -> unicast", "vips +10.99.0.17/24");
  }

  @Test
  void aNewVridIsANewVirtualRouter() throws Exception {
    ReloadPlan plan = plan(BASE, BASE.replace("vrid: 8", "vrid: 9"));

    assertThat(plan.instances().get(1)).isEqualTo(new Item("db", Change.REPLACED, List.of("vrid 8 -> 9")));
  }

  @Test
  void addedAndRemovedInstancesChecksAndNotifiers() throws Exception {
    String after = BASE.replace("  - name: db\n    interface: eth0\n    vrid: 8\n    vips: [10.99.0.8/24]\n",
            "  - name: api\n    interface: eth0\n    vrid: 9\n    vips: [10.99.0.9/24]\n")
        .replace("notifiers:\n  hook:", "notifiers:\n  hook2:");

    ReloadPlan plan = plan(BASE, after);

    assertThat(plan.instances()).extracting(Item::name, Item::change).containsExactly(
        org.assertj.core.groups.Tuple.tuple("web", Change.UNCHANGED),
        org.assertj.core.groups.Tuple.tuple("db", Change.REMOVED),
        org.assertj.core.groups.Tuple.tuple("api", Change.ADDED));
    assertThat(plan.notifiers()).extracting(Item::name, Item::change).containsExactly(
        org.assertj.core.groups.Tuple.tuple("hook", Change.REMOVED),
        org.assertj.core.groups.Tuple.tuple("hook2", Change.ADDED));
  }

  @Test
  void aRotatedSecretChangesTheCheckWithoutShowingEitherValue() throws Exception {
    Path password = dir.resolve("password");
    Files.writeString(password, "old-Secret-1\n");
    String yaml = BASE.replace("port: 3306 }", "port: 3306, password: \"${file:" + password + "}\" }");
    VipdConfig before = load(yaml);
    Files.writeString(password, "new-Secret-2\n");

    ReloadPlan plan = ReloadPlan.between(before, load(yaml));

    assertThat(plan.checks()).containsExactly(new Item("db", Change.CHANGED, List.of("settings: password")));
    assertThat(String.join("\n", plan.lines())).doesNotContain("old-Secret-1").doesNotContain("new-Secret-2");
  }

  @Test
  void aRenamedNodeIsRefused() throws Exception {
    ReloadPlan plan = plan(BASE, "node: n9\n" + BASE);

    assertThat(plan.refusals()).singleElement().asString().contains("node: 'n1' -> 'n9' cannot change on reload");
  }

  @Test
  void aMovedStateDirectoryIsRefused() throws Exception {
    ReloadPlan plan = plan(BASE, "state-directory: /var/lib/vipd2\n" + BASE);

    assertThat(plan.refusals()).singleElement().asString().contains("state-directory");
  }

  @Test
  void aRotatedApiTokenIsAChangeOfItsOwn() throws Exception {
    ReloadPlan plan = plan("api: { listen: 127.0.0.1:9595, token: one }\n" + BASE,
        "api: { listen: 127.0.0.1:9595, token: two }\n" + BASE);

    assertThat(plan.daemon()).containsExactly("api.token changed");
    assertThat(plan.changesAnything()).isTrue();
  }
}
