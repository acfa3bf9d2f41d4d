package io.newsmon.processor.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SameAmountTest {

  /** The look-up among sorted amounts says what comparing with every amount says. */
  @Test
  void nearestNeighboursDecideAsComparingWithEveryAmount() {
    Random r = new Random(3);
    int found = 0;
    for (int round = 0; round < 20_000; round++) {
      double[] amounts = new double[r.nextInt(8)];
      for (int i = 0; i < amounts.length; i++) {
        amounts[i] = amount(r);
      }
      double a = r.nextInt(4) == 0 && amounts.length > 0 ? amounts[0] * (1 + (r.nextDouble() - 0.5) * 0.08) : amount(r);
      boolean expected = false;
      for (double b : amounts) {
        expected |= StoryMatcher.sameAmount(a, b);
      }
      double[] sorted = amounts.clone();
      Arrays.sort(sorted);
      boolean got = StoryMatcher.anySameAmount(a, sorted);
      assertThat(got).as("%s among %s", a, Arrays.toString(amounts)).isEqualTo(expected);
      found += got ? 1 : 0;
    }
    assertThat(found).as("the rounds include amounts that are the same").isGreaterThan(1_000);
  }

  @Test
  void nanAndEmptyAreNeverTheSame() {
    assertThat(StoryMatcher.anySameAmount(Double.NaN, new double[] {1, 2})).isFalse();
    assertThat(StoryMatcher.anySameAmount(5, new double[0])).isFalse();
    assertThat(StoryMatcher.anySameAmount(0, new double[] {-1, 0, 3})).isTrue();
    assertThat(StoryMatcher.anySameAmount(41_200, new double[] {10, 41_000, 90_000})).isTrue();
    assertThat(StoryMatcher.anySameAmount(-100, new double[] {-103.5, 100})).isFalse();
  }

  private static double amount(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> r.nextInt(21) - 10;
      case 1 -> -r.nextDouble() * 1000;
      default -> Math.round(r.nextDouble() * 100_000) / 10.0;
    };
  }
}
