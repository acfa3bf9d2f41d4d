package io.newsmon.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.processor.text.Tokenizer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs of scripts without spaces read as they are scanned give the n-grams of the run as one word; the
 * words a verdict of the model is explained by.
 */
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

  @Test
  void theWordsWhoseNgramsWeighMostForAndAgainstAreNamed() {
    String text = "Officials signed a wheat deal, whereas the fertiliser talks stalled.";
    TextGrams g = TextGrams.of("", List.of(), List.of(), text, Tokenizer.tokenize(text), List.of());
    float[] t = new float[TextGrams.BUCKETS];
    for (int b : distinctSorted(TextGrams.gramsOf("signed"))) {
      t[b] += 1;
    }
    for (int b : distinctSorted(TextGrams.gramsOf("whereas"))) {
      t[b] -= 1;
    }
    double[] w = new double[RelationFeatures.NAMES.size()];
    RelevanceModel m = new RelevanceModel(0, w, 0.5, List.of(), true, t);
    assertThat(m.weighing(g)).startsWith("words weighing for a relation: «signed»").contains("against: «whereas»");
    // a model without text weights names none
    assertThat(new RelevanceModel(0, w, 0.5).weighing(g)).isEmpty();
    // in a run of a script without spaces, the n-grams themselves are named
    String zh = "双方签署了小麦协议";
    TextGrams gz = TextGrams.of("", List.of(), List.of(), zh, Tokenizer.tokenize(zh), List.of());
    float[] tz = new float[TextGrams.BUCKETS];
    tz[TextGrams.bucket("签署了")] = 2;
    assertThat(new RelevanceModel(0, w, 0.5, List.of(), true, tz).weighing(gz)).startsWith("words weighing for a relation: «签署了»");
  }
}
