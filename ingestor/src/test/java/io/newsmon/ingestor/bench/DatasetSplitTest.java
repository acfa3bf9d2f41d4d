package io.newsmon.ingestor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatasetSplitTest {

  @Test
  void theRuleGivesTheSameAnswerAsAnIndependentSha256() {
    // first two bytes of SHA-256("T12") mod 100 = 20, of "100" = 75, of "R610" = 35 (computed with Python's hashlib)
    assertThat(DatasetSplit.isTest("T12")).isTrue();
    assertThat(DatasetSplit.isTest("100")).isFalse();
    assertThat(DatasetSplit.isTest("R610")).isFalse();
    assertThat(DatasetSplit.in(DatasetSplit.Part.DEV, "100")).isTrue();
    assertThat(DatasetSplit.in(DatasetSplit.Part.TEST, "100")).isFalse();
    assertThat(DatasetSplit.in(DatasetSplit.Part.ALL, "T12")).isTrue();
  }

  @Test
  void aboutThirtyPercentIsTest() {
    int test = 0;
    for (int i = 0; i < 4000; i++) {
      test += DatasetSplit.isTest("page-" + i) ? 1 : 0;
    }
    assertThat(test / 4000.0).isBetween(0.27, 0.33);
  }
}
