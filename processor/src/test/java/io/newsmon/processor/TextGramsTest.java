package io.newsmon.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.processor.text.Tokenizer;
import io.newsmon.processor.watch.RelationFeatures;
import io.newsmon.processor.watch.RelevanceModel;
import io.newsmon.processor.watch.TextGrams;
import io.newsmon.processor.watch.Watch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The word n-grams the relevance model reads (decision 0042) and the model's text weights. */
class TextGramsTest {

  static Watch rules;

  @BeforeAll
  static void load() {
    rules = Watches.bundled(null, true);
  }

  static TextGrams grams(String title, String text) {
    return rules.tag(text, Tokenizer.tokenize(text), title, Tokenizer.tokenize(title)).features().text();
  }

  @Test
  void aWatchWithoutAModelThatReadsWordsSparesTheirCost() {
    String text = "Morocco and Kazakhstan signed an agreement on wheat exports in Rabat.";
    Watch rulesAlone = Watches.bundled(null, false);
    Watch.Result r = rulesAlone.tag(text, Tokenizer.tokenize(text), "", Tokenizer.tokenize(""));
    assertThat(r.match().evidence()).as("the rules found evidence, so a model would judge it").isNotEmpty();
    assertThat(r.features().text()).isSameAs(TextGrams.NONE);
    assertThat(grams("", text).buckets()).as("the same article, read for a model").isNotEmpty();
  }

  @Test
  void theNamesOfEitherSideAreOnePlaceholderSoTheSameSentenceAboutOtherNamesGivesTheSameGrams() {
    TextGrams a = grams("", "Morocco and Kazakhstan signed an agreement on wheat exports in Rabat.");
    TextGrams b = grams("", "Kazakhstan and Morocco signed an agreement on wheat exports in Astana last week.");
    assertThat(a.buckets()).isNotEmpty();
    assertThat(a.buckets()).isEqualTo(grams("", "Kazakhstan and Morocco signed an agreement on wheat exports in Astana.").buckets());
    // more words: more buckets, and all of a's
    assertThat(b.buckets()).contains(a.buckets());
    assertThat(b.buckets().length).isGreaterThan(a.buckets().length);
  }

  @Test
  void bucketsAreDistinctAscendingAndInRange() {
    TextGrams g = grams("Grain deal", "Morocco and Kazakhstan signed a grain deal. The grain deal covers wheat and barley.");
    int[] b = g.buckets();
    for (int i = 1; i < b.length; i++) {
      assertThat(b[i]).isGreaterThan(b[i - 1]);
    }
    assertThat(b[0]).isGreaterThanOrEqualTo(0);
    assertThat(b[b.length - 1]).isLessThan(TextGrams.BUCKETS);
    // every bucket present weighs the same up to SHORT distinct n-grams
    assertThat(g.value()).isEqualTo(1 / Math.sqrt(TextGrams.SHORT));
  }

  @Test
  void textOfAScriptWithoutSpacesIsReadWithItsNamesReplaced() {
    TextGrams zh = grams("", "摩洛哥和哈萨克斯坦签署了小麦出口协议。");
    TextGrams zh2 = grams("", "哈萨克斯坦和摩洛哥签署了小麦出口协议。");
    assertThat(zh.buckets()).isNotEmpty().isEqualTo(zh2.buckets());
    TextGrams other = grams("", "摩洛哥和哈萨克斯坦签署了航空运输协议。");
    assertThat(other.buckets()).isNotEqualTo(zh.buckets());
  }

  @Test
  void anArticleTheModelDoesNotJudgeHasNoGrams() {
    assertThat(grams("Rain", "It rained all week in the northern valleys.").buckets()).isEmpty();
    assertThat(grams("Grain", "Kazakhstan harvested more wheat this year.").buckets()).isEmpty();
    assertThat(TextGrams.NONE.value()).isZero();
  }

  @Test
  void textWeightsMoveTheProbabilityOnlyThroughTheBucketsPresentAndReadBack() throws IOException {
    String text = "Morocco and Kazakhstan signed an agreement on wheat exports in Rabat.";
    Watch.Result r = rules.tag(text, Tokenizer.tokenize(text), "", Tokenizer.tokenize(""));
    double[] w = new double[RelationFeatures.NAMES.size()];
    float[] t = new float[TextGrams.BUCKETS];
    for (int b : r.features().text().buckets()) {
      t[b] = 0.5f;
    }
    RelevanceModel plain = new RelevanceModel(0, w, 0.5, List.of(), true);
    RelevanceModel withText = new RelevanceModel(0, w, 0.5, List.of(), true, t);
    assertThat(plain.probability(r.features())).isEqualTo(0.5);
    double z = 0.5 * r.features().text().buckets().length * r.features().text().value();
    assertThat(withText.probability(r.features())).isCloseTo(1 / (1 + Math.exp(-z)), org.assertj.core.data.Offset.offset(1e-9));
    // the same features without the words: the text weights add nothing
    assertThat(withText.probability(new RelationFeatures(r.features().values()))).isEqualTo(0.5);

    RelevanceModel back = RelevanceModel.read(new ByteArrayInputStream(withText.write("h").getBytes(StandardCharsets.UTF_8)), "x");
    assertThat(back.probability(r.features())).isCloseTo(withText.probability(r.features()), org.assertj.core.data.Offset.offset(1e-6));
    assertThatThrownBy(() -> RelevanceModel.read(new ByteArrayInputStream("bias\t0\nthreshold\t0.5\ntext\t3\t0.1\n"
        .getBytes(StandardCharsets.UTF_8)), "m.tsv")).hasMessageContaining("before the 'text_grams' line");
    assertThatThrownBy(() -> RelevanceModel.read(new ByteArrayInputStream("bias\t0\nthreshold\t0.5\ntext_grams\t1024\t3\t5\n"
        .getBytes(StandardCharsets.UTF_8)), "m.tsv")).hasMessageContaining("not this build's");
  }

  @Test
  void theSparseFitLearnsWhichBucketsMarkTheRelevantOnTopOfTheOffset() {
    java.util.Random rnd = new java.util.Random(3);
    List<SparseLogisticFit.Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      boolean y = rnd.nextBoolean();
      // bucket 7 marks the relevant, bucket 9 the others, buckets 20..29 are noise
      int[] b = {y ? 7 : 9, 20 + rnd.nextInt(10)};
      java.util.Arrays.sort(b);
      rows.add(new SparseLogisticFit.Row(0, b, 1, y, 1));
    }
    double[] theta = SparseLogisticFit.fit(rows, 64, 0.01);
    assertThat(theta[7]).isGreaterThan(2);
    assertThat(theta[9]).isLessThan(-2);
    for (int k = 20; k < 30; k++) {
      assertThat(Math.abs(theta[k])).isLessThan(1);
    }
    assertThat(theta[40]).isZero();
  }
}
