package io.vipd.lab.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.lab.demo.NeighbourPicture.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeighbourPictureTest {
  private static final List<Row> NODES = List.of(
      new Row("node1", "10.99.0.11", "02:00:00:00:00:0b"), new Row("node2", "10.99.0.12", "02:00:00:00:00:0c"));

  @Test
  void theVipRowNamesTheNodeWhoseMacItShares() {
    String picture = NeighbourPicture.render(NODES, new Row("VIP", "10.99.0.10", "02:00:00:00:00:0C"), "  ");

    assertThat(picture).isEqualTo("""
          node1 (10.99.0.11) at 02:00:00:00:00:0b
          node2 (10.99.0.12) at 02:00:00:00:00:0c
          VIP   (10.99.0.10) at 02:00:00:00:00:0C  <- node2
        """);
  }

  @Test
  void aVipWithoutAnEntryOrWithAStrangersMacSaysSo() {
    assertThat(NeighbourPicture.render(NODES, new Row("VIP", "10.99.0.10", null), ""))
        .endsWith("VIP   (10.99.0.10) at <incomplete>  <- no entry\n");
    assertThat(NeighbourPicture.render(NODES, new Row("VIP", "10.99.0.10", "02:00:00:00:00:99"), ""))
        .endsWith("  <- unknown MAC\n");
  }
}
