package io.vipd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> KEYS = List.of("advert-interval", "preempt", "preempt-delay", "priority");

  @Test
  void suggestsTheClosestKeyForATypo() {
    assertThat(Suggestions.didYouMean("advert-intreval", KEYS)).isEqualTo("; did you mean `advert-interval`?");
    assertThat(Suggestions.didYouMean("prempt", KEYS)).isEqualTo("; did you mean `preempt`?");
  }

  @Test
  void staysQuietWhenNothingIsClose() {
    assertThat(Suggestions.didYouMean("colour", KEYS)).isEmpty();
  }
}
