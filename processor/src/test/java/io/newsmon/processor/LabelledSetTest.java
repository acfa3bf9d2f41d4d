package io.newsmon.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labelled set in {@code labelled/articles.json}: short articles written for this project in
 * ar, fr, en, ru, kk and es, half of them hard negatives (one country with a third one, both in a
 * roll call, a medal table, a tournament draw or a news digest, the Arab Maghreb, the Astana format).
 * Fails when precision, recall or language accuracy fall below the floors, which were set just
 * under the figures measured when the set was written (precision 1.00, recall 1.00, language
 * accuracy 1.00 on 67 articles).
 */
class LabelledSetTest {

  static final double PRECISION_FLOOR = 0.95;
  static final double RECALL_FLOOR = 0.95;
  static final double LANGUAGE_FLOOR = 0.95;

  record Labelled(String id, String lang, boolean relevant, String kind, String title, String text) {}

  static List<Labelled> set;
  static List<Analysis> analyses;

  @BeforeAll
  static void analyse() throws IOException {
    try (InputStream in = LabelledSetTest.class.getResourceAsStream("/labelled/articles.json")) {
      set = Json.mapper().readValue(in, new TypeReference<List<Labelled>>() {});
    }
    ArticleAnalyzer analyzer = ArticleAnalyzer.create(NewsmonConfig.defaults());
    analyses = new ArrayList<>();
    for (Labelled l : set) {
      analyses.add(analyzer.analyze(RawArticle.builder().url("https://labelled.example/" + l.id())
          .title(l.title()).text(l.text()).build()));
    }
  }

  @Test
  void theSetIsLargeAndBalanced() {
    assertThat(set).hasSizeGreaterThanOrEqualTo(60);
    assertThat(set).extracting(Labelled::lang).contains("ar", "fr", "en", "ru", "kk", "es");
    long negatives = set.stream().filter(l -> !l.relevant()).count();
    assertThat(negatives * 2).isGreaterThanOrEqualTo(set.size());
  }

  @Test
  void precisionAndRecallStayAboveTheFloor() {
    assertAboveTheFloors("labelled set", analyses);
  }

  /**
   * The default analysis gives the relevance model's verdict (decision 0028); the rules alone
   * (processor.watch.relevance-model false) on the same set. Decision 0026's model refused fr-p4 (a
   * relation told over two sentences, no relation cue); the model of decision 0028 keeps it.
   */
  @Test
  void withTheRulesAlonePrecisionAndRecallStayAboveTheFloor() {
    ArticleAnalyzer modelled = ArticleAnalyzer.create(NewsmonConfig.defaults()
        .with(io.newsmon.common.config.ProcessorSettings.RELEVANCE_MODEL.name(), "false"));
    List<Analysis> withModel = new ArrayList<>();
    for (Labelled l : set) {
      withModel.add(modelled.analyze(RawArticle.builder().url("https://labelled.example/" + l.id())
          .title(l.title()).text(l.text()).build()));
    }
    assertAboveTheFloors("labelled set with the rules alone", withModel);
  }

  static void assertAboveTheFloors(String name, List<Analysis> analyses) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < set.size(); i++) {
      Labelled l = set.get(i);
      Analysis.WatchMatch m = analyses.get(i).watches().get(0);
      if (m.relevant() && l.relevant()) {
        tp++;
        assertThat(m.evidence()).as("%s has evidence", l.id()).isNotEmpty();
      } else if (m.relevant()) {
        fp++;
        errors.add("false positive " + l.id() + " (" + l.kind() + ") score " + m.score() + " " + m.evidence());
      } else if (l.relevant()) {
        fn++;
        errors.add("false negative " + l.id() + " (" + l.kind() + ") entities "
            + analyses.get(i).entities().stream().map(Analysis.Entity::id).toList());
      }
    }
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    System.out.printf("%s: %d articles, precision %.3f, recall %.3f%n", name, set.size(), precision, recall);
    errors.forEach(System.out::println);
    assertThat(precision).as("precision; errors: %s", errors).isGreaterThanOrEqualTo(PRECISION_FLOOR);
    assertThat(recall).as("recall; errors: %s", errors).isGreaterThanOrEqualTo(RECALL_FLOOR);
  }

  @Test
  void languageAccuracyStaysAboveTheFloor() {
    int right = 0;
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < set.size(); i++) {
      String got = analyses.get(i).language().code();
      if (got.equals(set.get(i).lang())) {
        right++;
      } else {
        errors.add(set.get(i).id() + " detected as " + analyses.get(i).language());
      }
    }
    double accuracy = (double) right / set.size();
    System.out.printf("labelled set: language accuracy %.3f %s%n", accuracy, errors);
    assertThat(accuracy).as("language accuracy; errors: %s", errors).isGreaterThanOrEqualTo(LANGUAGE_FLOOR);
  }

  @Test
  void languageAccuracyWithoutTheFastPathStaysAboveTheFloor() {
    ArticleAnalyzer linguaOnly = ArticleAnalyzer.create(
        NewsmonConfig.defaults().with("processor.language.fast-path", "false"));
    int right = 0;
    for (Labelled l : set) {
      Analysis a = linguaOnly.analyze(RawArticle.builder().url("https://labelled.example/" + l.id())
          .title(l.title()).text(l.text()).build());
      right += a.language().code().equals(l.lang()) ? 1 : 0;
    }
    double accuracy = (double) right / set.size();
    System.out.printf("labelled set: language accuracy without fast path %.3f%n", accuracy);
    assertThat(accuracy).isGreaterThanOrEqualTo(LANGUAGE_FLOOR);
  }
}
