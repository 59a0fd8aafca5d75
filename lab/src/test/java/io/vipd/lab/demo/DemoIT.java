package io.vipd.lab.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.cli.Main;
import io.vipd.lab.Lab;
import io.vipd.testkit.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoIT {

  @BeforeAll
  static void needsRoot() {
    Environment.requireRootAndTools("ip");
  }

  @Test
  void demoShowsTheVipMacMovingToTheBackupAndBackAndLeavesNothingBehind() throws Exception {
    StringWriter output = new StringWriter();
    CommandLine vipd = Main.commandLine().setOut(new PrintWriter(output, true));

    int exit = vipd.execute("demo");

    String text = output.toString();
    assertThat(exit).as(text).isZero();
    assertThat(text).contains("VIP moved node1 -> node2", "VIP moved node2 -> node1");
    assertThat(text).containsPattern("VIP +\\(10\\.99\\.0\\.10\\) at [0-9a-f:]{17}  <- node2");
    assertThat(text).containsPattern("reply gap \\d+ ms, takeover after \\d+ ms");
    Matcher prefix = Pattern.compile("namespaces (vl[0-9a-f]{6})-\\*").matcher(text);
    assertThat(prefix.find()).as(text).isTrue();
    assertThat(Lab.run("ip", "netns", "list")).doesNotContain(prefix.group(1));
  }
}
