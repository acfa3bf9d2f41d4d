package io.newsmon.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.processor.text.Tokenizer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs of scripts without spaces read as they are scanned give the n-grams of the run as one word. */
class TextGramsRunTest {

  static int[] distinctSorted(int[] a) {
    return Arrays.stream(a).distinct().sorted().toArray();
  }

  @Test
  void aRunScannedCharByCharGivesTheBucketsOfTheWholeRunAsOneWord() {
    for (String run : List.of("今天天气很好我们去公园散步", "วันนี้อากาศดี", "東京", "中")) {
      TextGrams g = TextGrams.of("", List.of(), List.of(), run, Tokenizer.tokenize(run), List.of());
      assertThat(g.buckets()).as(run).isEqualTo(distinctSorted(TextGrams.gramsOf(run)));
    }
  }

  @Test
  void aVeryLongRunIsReadInBoundedMemoryAndEachBucketCountsOnce() {
    String run = "哈萨克斯坦和摩洛哥".repeat(50_000);
    TextGrams g = TextGrams.of("", List.of(), List.of(), run, Tokenizer.tokenize(run), List.of());
    assertThat(g.buckets().length).isBetween(1, TextGrams.BUCKETS);
    assertThat(g.buckets()).isEqualTo(distinctSorted(g.buckets()));
  }
}
