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
  void theHoldoutSliceIsCutFromTheDevPartByBytesThreeAndFour() {
    // SHA-256("page-7"): first two bytes mod 100 = 57 (dev), bytes three and four mod 100 = 2 (holdout);
    // "100": 75 (dev), 28 (tune); "T12": 20 (test) whatever its bytes three and four give (46)
    assertThat(DatasetSplit.isHoldout("page-7")).isTrue();
    assertThat(DatasetSplit.in(DatasetSplit.Part.HOLDOUT, "page-7")).isTrue();
    assertThat(DatasetSplit.in(DatasetSplit.Part.TUNE, "page-7")).isFalse();
    assertThat(DatasetSplit.in(DatasetSplit.Part.DEV, "page-7")).isTrue();
    assertThat(DatasetSplit.in(DatasetSplit.Part.TUNE, "100")).isTrue();
    assertThat(DatasetSplit.in(DatasetSplit.Part.HOLDOUT, "100")).isFalse();
    assertThat(DatasetSplit.isHoldout("T12")).isFalse();
    int holdout = 0;
    int dev = 0;
    for (int i = 0; i < 4000; i++) {
      dev += DatasetSplit.isTest("page-" + i) ? 0 : 1;
      holdout += DatasetSplit.isHoldout("page-" + i) ? 1 : 0;
    }
    assertThat((double) holdout / dev).isBetween(0.17, 0.23);
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
