package io.newsmon.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.config.ProcessorSettings;
import io.newsmon.common.record.Analysis;
import io.newsmon.processor.text.Tokenizer;
import io.newsmon.processor.watch.RelationFeatures;
import io.newsmon.processor.watch.RelevanceModel;
import io.newsmon.processor.watch.Watch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The features the tagger hands the relevance model, the model file, its fit and its verdict (decision 0026). */
class RelevanceModelTest {

  static Watch rules;

  @BeforeAll
  static void load() {
    rules = Watches.bundled(null, true);
  }

  static Watch.Result tag(Watch w, String title, String text) {
    return w.tag(text, Tokenizer.tokenize(text), title, Tokenizer.tokenize(title));
  }

  @Test
  void aBilateralReportHasSentenceEvidenceAndARelationCueInThePairSentence() {
    RelationFeatures f = tag(rules, "Morocco and Kazakhstan sign a grain deal",
        "The foreign ministers of Morocco and Kazakhstan signed a bilateral agreement on grain in Rabat on Monday.")
        .features();
    assertThat(f.get("sentence_evidence")).isGreaterThan(0);
    assertThat(f.get("bilateral_in_pair_sentence")).isEqualTo(1);
    assertThat(f.get("says_relation")).isEqualTo(1);
    assertThat(f.get("title_names_both")).isEqualTo(1);
    assertThat(f.get("closest_pair")).isGreaterThan(0.2);
    assertThat(f.get("numbers_near_names")).isEqualTo(0);
  }

  @Test
  void aRankingHasNumbersNextToTheNamesAndAThirdCountryInThePairSentence() {
    RelationFeatures f = tag(rules, "Wheat exporters ranked",
        "Kazakhstan ranked 9 with 7 percent, Egypt 10 and Morocco 11 with 5 percent in the table of exporters.")
        .features();
    assertThat(f.get("numbers_near_names")).isGreaterThan(0);
    assertThat(f.get("third_in_pair_sentence")).isEqualTo(1);
    assertThat(f.get("says_relation")).isEqualTo(0);
  }

  @Test
  void anArticleNamingNeitherSideHasNoFeatures() {
    Watch.Result r = tag(rules, "Rain in the north", "It rained all week in the northern valleys.");
    assertThat(r.features().values()).containsOnly(0.0);
    assertThat(r.match().relevant()).isFalse();
  }

  @Test
  void theModelGivesTheVerdictOnlyWhereTheRulesFoundEvidenceAndKeepsEvidenceAndNotes() {
    double[] w = new double[RelationFeatures.NAMES.size()];
    RelevanceModel refuseAll = new RelevanceModel(-5, w, 0.5);
    Watch.Result r = tag(rules, "Morocco and Kazakhstan sign a grain deal",
        "The foreign ministers of Morocco and Kazakhstan signed a bilateral agreement on grain in Rabat on Monday.");
    assertThat(r.match().relevant()).isTrue();
    Analysis.WatchMatch m = refuseAll.apply(r.match(), r.features());
    assertThat(m.relevant()).isFalse();
    assertThat(m.evidence()).isEqualTo(r.match().evidence());
    assertThat(m.notes()).containsAll(r.match().notes());
    assertThat(m.notes().get(m.notes().size() - 1)).startsWith("the model judged the evidence no relation");

    RelevanceModel acceptAll = new RelevanceModel(5, w, 0.5);
    Watch.Result none = tag(rules, "Grain", "Kazakhstan harvested more wheat this year.");
    assertThat(acceptAll.apply(none.match(), none.features())).isEqualTo(none.match());
  }

  @Test
  void aVerdictOfTheModelScoresOnItsSideOfTheDecisionScore() {
    double[] w = new double[RelationFeatures.NAMES.size()];
    RelevanceModel m = new RelevanceModel(0, w, 0.4);
    assertThat(m.score(0.4)).isEqualTo(RelevanceModel.DECISION_SCORE);
    assertThat(m.score(1.0)).isEqualTo(1.0);
    assertThat(m.score(0.7)).isEqualTo(0.75);
    assertThat(m.score(0.0)).isEqualTo(0.0);
    assertThat(m.score(0.2)).isEqualTo(0.25);
    assertThat(m.score(0.3999)).isLessThan(RelevanceModel.DECISION_SCORE);

    Watch.Result r = tag(rules, "Morocco and Kazakhstan sign a grain deal",
        "The foreign ministers of Morocco and Kazakhstan signed a bilateral agreement on grain in Rabat on Monday.");
    Analysis.WatchMatch refused = new RelevanceModel(-5, w, 0.5).apply(r.match(), r.features());
    assertThat(refused.relevant()).isFalse();
    assertThat(refused.score()).isLessThan(RelevanceModel.DECISION_SCORE);
    Analysis.WatchMatch accepted = new RelevanceModel(5, w, 0.5).apply(r.match(), r.features());
    assertThat(accepted.relevant()).isTrue();
    assertThat(accepted.score()).isGreaterThanOrEqualTo(Math.max(RelevanceModel.DECISION_SCORE, r.match().score()));
  }

  @Test
  void theSettingLoadsTheBundledModelIntoTheWatch() {
    Watch modelled = Watches.load(NewsmonConfig.defaults().with(ProcessorSettings.RELEVANCE_MODEL.name(), "true")).get(0);
    String title = "Morocco and Kazakhstan sign a grain deal";
    String text = "The foreign ministers of Morocco and Kazakhstan signed a bilateral agreement on grain in Rabat on Monday.";
    Watch.Result withRules = tag(rules, title, text);
    Watch.Result withModel = tag(modelled, title, text);
    double p = RelevanceModel.bundled().probability(withRules.features());
    assertThat(withModel.match().relevant()).isEqualTo(p >= RelevanceModel.bundled().threshold());
    assertThat(withModel.match().relevant()).isTrue();
    assertThat(withModel.match().evidence()).isEqualTo(withRules.match().evidence());
  }

  @Test
  void aModelFileReadsBackAndBadFilesAreClearErrors() throws IOException {
    RelevanceModel m = RelevanceModel.bundled();
    RelevanceModel back = RelevanceModel.read(new ByteArrayInputStream(m.write("a\nb").getBytes(StandardCharsets.UTF_8)), "x");
    assertThat(back.bias()).isCloseTo(m.bias(), org.assertj.core.data.Offset.offset(1e-5));
    assertThat(back.threshold()).isEqualTo(m.threshold());
    assertThatThrownBy(() -> RelevanceModel.read(new ByteArrayInputStream("bias\t1\nthreshold\t0.5\nnope\t1\n"
        .getBytes(StandardCharsets.UTF_8)), "m.tsv")).hasMessageContaining("no feature named 'nope'");
    assertThatThrownBy(() -> RelevanceModel.read(new ByteArrayInputStream("bias\t1\n".getBytes(StandardCharsets.UTF_8)),
        "m.tsv")).hasMessageContaining("threshold");
  }

  @Test
  void aModelOfStumpsThatJudgesEveryArticleNamingBothReadsBackAndShowsTheSentencesNamingThem() throws IOException {
    double[] w = new double[RelationFeatures.NAMES.size()];
    int share = RelationFeatures.NAMES.indexOf("side_balance");
    RelevanceModel m = new RelevanceModel(-2, w, 0.5, List.of(new RelevanceModel.Stump(share, 0.5, 0, 4)), true);
    RelevanceModel back = RelevanceModel.read(new ByteArrayInputStream(m.write("h").getBytes(StandardCharsets.UTF_8)), "x");
    assertThat(back.namedBoth()).isTrue();
    assertThat(back.stumps()).hasSize(1);
    assertThat(back.stumps().get(0).feature()).isEqualTo(share);
    assertThat(back.stumps().get(0).above()).isCloseTo(4, org.assertj.core.data.Offset.offset(1e-6));

    // the rules find no evidence (a paragraph naming each side under a title pairing them, nothing said to
    // pass between them); the model judges it, and its verdict shows the two sentences naming the sides
    String title = "Kazakhstan and Morocco lead the bank's record year";
    String text = "The bank invested 1.1 billion euros in Kazakhstan last year.\nIn Morocco it invested 780 million euros.";
    Watch.Result r = tag(rules, title, text);
    assertThat(r.match().evidence()).isEmpty();
    assertThat(r.naming()).hasSize(2);
    Analysis.WatchMatch judged = back.apply(r.match(), r.features(), r.naming());
    assertThat(judged.relevant()).isTrue();
    assertThat(judged.evidence()).isEqualTo(r.naming());
    assertThat(judged.notes().get(judged.notes().size() - 1)).contains("where the rules found no evidence");
    for (Analysis.Evidence e : judged.evidence()) {
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
    }
    // a model of the evidence scope leaves the same article to the rules
    RelevanceModel evidenceOnly = new RelevanceModel(-2, w, 0.5, m.stumps(), false);
    assertThat(evidenceOnly.apply(r.match(), r.features(), r.naming())).isEqualTo(r.match());
    // an article naming one side has nothing to show
    Watch.Result one = tag(rules, "Grain", "Kazakhstan harvested more wheat this year.");
    assertThat(back.apply(one.match(), one.features(), one.naming())).isEqualTo(one.match());
  }

  @Test
  void theFitSeparatesTwoClassesItCanSeparate() {
    RelevanceModelTrainer.Rows rows = random(7, 400, x -> 2 * x[0] - x[1] > 0.5);
    List<double[]> xs = rows.xs();
    List<Boolean> ys = rows.ys();
    double[] theta = LogisticFit.fit(xs, ys, rows.ws(), 0.01);
    int right = 0;
    for (int i = 0; i < xs.size(); i++) {
      double z = theta[0] + theta[1] * xs.get(i)[0] + theta[2] * xs.get(i)[1];
      right += (z > 0) == ys.get(i) ? 1 : 0;
    }
    assertThat(right).isGreaterThanOrEqualTo(390);
    assertThat(theta[1]).isPositive();
    assertThat(theta[2]).isNegative();
  }

  @Test
  void boostedStumpsLearnAThresholdOnOneFeatureAndIgnoreNoise() {
    RelevanceModelTrainer.Rows rows = random(11, 300, x -> x[1] > 0.6);
    StumpBoost b = StumpBoost.fit(rows.xs(), rows.ys(), rows.ws(), 30, 0.3, 1.0);
    assertThat(b.probability(new double[] {0.5, 0.9})).isGreaterThan(0.8);
    assertThat(b.probability(new double[] {0.5, 0.2})).isLessThan(0.2);
    assertThat(b.stumps).allMatch(st -> st.feature() == 1);
  }

  /** {@code n} random points in the unit square, labelled by {@code rule}, weight 1. */
  static RelevanceModelTrainer.Rows random(long seed, int n, java.util.function.Predicate<double[]> rule) {
    Random rnd = new Random(seed);
    RelevanceModelTrainer.Rows rows = new RelevanceModelTrainer.Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < n; i++) {
      double[] x = {rnd.nextDouble(), rnd.nextDouble()};
      rows.xs().add(x);
      rows.ys().add(rule.test(x));
      rows.ws().add(1.0);
    }
    return rows;
  }
}
