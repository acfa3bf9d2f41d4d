package io.newsmon.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.config.SinkSettings;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.text.Tokenizer;
import io.newsmon.processor.watch.RelevanceModel;
import io.newsmon.processor.watch.Watch;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default watch over the multilingual labelled set ({@code labelled/multilingual/<code>.json}:
 * ordinary reports, relations named only through institutions, and the traps: namesake businesses and
 * places, treaties and teams named after cities, comparisons, separate dealings, each with near misses
 * that do report a relation). Prints precision, recall and F1 per split and the share judged right per
 * language and per kind (a near miss with the trap it resembles: {@code near-miss/comparison}).
 *
 * <p>Fourteen test splits were each scored once and then moved into {@code dev}, since they had been seen
 * (docs/benchmarks.md). A fresh {@code test} split is written and labelled before any rule is tuned
 * again, and is not analysed at all until {@link #TEST_SPLIT_SCORED} is set on the day it is scored
 * once: until then no run prints its figures, so nobody can tune on them by accident. Fails when dev F1
 * falls below {@value #DEV_FLOOR} (just under what it measured), or, once scored, when test F1 falls
 * below {@link #TEST_FLOOR}.
 *
 * <p>Within dev, the two most recently written parts ({@code <code>-25} to {@code <code>-32}, the
 * fifth and sixth test parts, each scored once before it moved there) are printed apart as a validation
 * part, and the rest as the tuning part (decision 0024): rules are tuned on the
 * latter, and the former only checks whether a change generalises.
 */
public class MultilingualSetTest {

  /** The goal of the issue, on the held-out split. */
  static final double F1_GOAL = 0.95;
  static final double DEV_FLOOR = 0.90;
  /**
   * The tuning part (dev without the validation part) with the rules: 0.954 measured (decision 0028),
   * 0.935 once the eighth test part joined it, 0.928 with the ninth, 0.929 with the tenth, 0.915 with
   * the fifteenth (the rules scored 0.823 on it).
   */
  static final double TUNING_FLOOR = 0.91;
  /** The validation part with the rules: 0.826 measured (decision 0028), 0.827 (decision 0034), 0.846 (0037), 0.850 (0039), 0.851 (0041). */
  static final double VALIDATION_FLOOR = 0.84;
  /** Whether the {@code test} split has been scored (once); before that it is left out of every run. */
  public static final boolean TEST_SPLIT_SCORED = true;
  /**
   * The test split (test-16 and test-17, 216 items in 27 languages) with the rules, scored once: 0.856
   * (decision 0044; the model, the default, 0.918, against 0.910 with the build of the round's start).
   * test-15 scored 0.823 with the rules (the model 0.922), test-14 0.922 (the model 0.945) and test-13
   * 0.847 (the model 0.945); all moved into dev. test-12 0.844 (0041; the model 0.887).
   */
  static final double TEST_FLOOR = 0.80;
  /** The test split with the relevance model (the default), scored once: 0.918 (decision 0044, test-16 and -17). */
  static final double MODEL_TEST_FLOOR = 0.90;
  /**
   * The training part with the rules (the default): still text the rules were not tuned on. The
   * relevance model (decision 0026) was trained on it, so for the model it is no held-out measure.
   */
  static final double TRAIN_FLOOR = 0.82;
  /**
   * The relevance model on the validation part, measured once after it was chosen (0.870 in decision 0028,
   * 0.871 in 0034, 0.893 in 0037, 0.903 in 0039, 0.918 in 0041, 0.940 with the word n-grams of 0042).
   * Since decision 0042 the model's figures on the parts it was fitted on are near 1 (it can learn the
   * words of each article it was trained on): they measure nothing.
   */
  static final double MODEL_VALIDATION_FLOOR = 0.92;

  record Labelled(String id, String lang, boolean relevant, String kind, String trap, String split, String title,
      String text) {

    /** The kind, with the trap a near miss resembles ({@code near-miss/comparison}). */
    String kindAndTrap() {
      return trap == null ? kind : kind + "/" + trap;
    }
  }

  /** The rules' verdict (the default) and the relevance model's verdict (decision 0026) on one article. */
  record Judged(Labelled label, Analysis.WatchMatch match, Analysis.WatchMatch model) {}

  static List<Judged> judged;

  @BeforeAll
  static void analyse() throws IOException, URISyntaxException {
    Path dir = Path.of(MultilingualSetTest.class.getResource("/labelled/multilingual").toURI());
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    // the rules alone; the model's verdicts are computed apart from the same features
    ArticleAnalyzer analyzer = ArticleAnalyzer.create(NewsmonConfig.defaults()
        .with(io.newsmon.common.config.ProcessorSettings.RELEVANCE_MODEL.name(), "false"));
    // the bundled watch reading the words the model weighs (the rules-only analyser's watch reads none)
    Watch watch = Watches.bundled(null, true);
    RelevanceModel model = RelevanceModel.bundled();
    judged = new ArrayList<>();
    for (Path f : files) {
      List<Labelled> set;
      try (InputStream in = Files.newInputStream(f)) {
        set = Json.mapper().readValue(in, new TypeReference<List<Labelled>>() {});
      }
      for (Labelled l : set) {
        if ("test".equals(l.split()) && !TEST_SPLIT_SCORED) {
          continue;
        }
        Analysis a = analyzer.analyze(RawArticle.builder().url("https://labelled.example/" + l.id())
            .title(l.title()).text(l.text()).build());
        String title = l.title() == null ? "" : l.title();
        Watch.Result r = watch.tag(l.text(), Tokenizer.tokenize(l.text()), title, Tokenizer.tokenize(title));
        judged.add(new Judged(l, a.watches().get(0), model.apply(r.match(), r.features(), r.naming())));
      }
    }
  }

  /**
   * The two most recently written parts of dev ({@code <code>-25} to {@code <code>-32}), kept apart as a
   * validation part: mechanisms are tuned on the rest of dev and only checked on it.
   */
  static boolean validation(Labelled l) {
    int n = number(l);
    return n >= 25 && n <= 32;
  }

  /** The number of an article's id ({@code de-47} → 47). */
  static int number(Labelled l) {
    return Integer.parseInt(l.id().substring(l.id().lastIndexOf('-') + 1));
  }

  /** Precision, recall, F1 of the judgements of one split, printed with the errors. */
  static double f1(String split) {
    return f1(split, split, l -> l.split().equals(split));
  }

  /** Precision, recall, F1 of the judgements of the labelled articles {@code part} accepts. */
  static double f1(String name, String split, java.util.function.Predicate<Labelled> part) {
    return f1(name, split, part, Judged::match);
  }

  /** Like {@link #f1(String, String, java.util.function.Predicate)}, for the verdicts {@code verdict} picks. */
  static double f1(String name, String split, java.util.function.Predicate<Labelled> part,
      java.util.function.Function<Judged, Analysis.WatchMatch> verdict) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    List<String> errors = new ArrayList<>();
    Map<String, int[]> byLang = new TreeMap<>();
    Map<String, int[]> byKind = new TreeMap<>();
    for (Judged j : judged) {
      if (!j.label().split().equals(split) || !part.test(j.label())) {
        continue;
      }
      boolean got = verdict.apply(j).relevant();
      boolean want = j.label().relevant();
      tp += got && want ? 1 : 0;
      fp += got && !want ? 1 : 0;
      fn += !got && want ? 1 : 0;
      for (int[] c : List.of(byLang.computeIfAbsent(j.label().lang(), k -> new int[2]),
          byKind.computeIfAbsent(j.label().kindAndTrap(), k -> new int[2]))) {
        c[0] += got == want ? 1 : 0;
        c[1]++;
      }
      if (got != want) {
        errors.add((want ? "false negative " : "false positive ") + j.label().id() + " (" + j.label().kind()
            + ") score " + verdict.apply(j).score() + " notes " + verdict.apply(j).notes());
      }
    }
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    System.out.printf("multilingual set, %s: %d articles, precision %.3f, recall %.3f, F1 %.3f%n", name,
        byLang.values().stream().mapToInt(c -> c[1]).sum(), precision, recall, f1);
    StringBuilder langs = new StringBuilder("  right per language:");
    byLang.forEach((k, c) -> langs.append(' ').append(k).append(' ').append(c[0]).append('/').append(c[1]));
    StringBuilder kinds = new StringBuilder("  right per kind:");
    byKind.forEach((k, c) -> kinds.append(' ').append(k).append(' ').append(c[0]).append('/').append(c[1]));
    System.out.println(langs);
    System.out.println(kinds);
    errors.forEach(e -> System.out.println("  " + e));
    return f1;
  }

  @Test
  void theSetCoversTwentyLanguagesAndEveryKindWithBothSplits() {
    assertThat(judged.stream().map(j -> j.label().lang()).distinct().count()).isGreaterThanOrEqualTo(20);
    assertThat(judged).extracting(j -> j.label().kind()).contains("report", "indirect", "namesake-business",
        "namesake-place", "treaty-name", "sports-team", "comparison", "separate-dealings", "near-miss");
    assertThat(judged).extracting(j -> j.label().split()).containsAll(TEST_SPLIT_SCORED ? List.of("dev", "test")
        : List.of("dev"));
  }

  @Test
  void relevanceF1StaysAboveTheFloors() {
    double dev = f1("dev");
    assertThat(dev).as("dev F1").isGreaterThanOrEqualTo(DEV_FLOOR);
    if (TEST_SPLIT_SCORED) {
      double test = f1("test");
      System.out.printf("dev F1 %.3f, test F1 %.3f, against the goal %.2f%n", dev, test, F1_GOAL);
      assertThat(test).as("test F1").isGreaterThanOrEqualTo(TEST_FLOOR);
    }
  }

  /**
   * The training part ({@code train}, written for training a model, never used to tune the rules):
   * printed apart, so that its first figure with the rules is one more measurement on text they were
   * not tuned on; fails below {@link #TRAIN_FLOOR}, just under what it measured then.
   */
  @Test
  void theTrainingPartIsPrintedApart() {
    assertThat(judged.stream().filter(j -> "train".equals(j.label().split())).count()).isGreaterThanOrEqualTo(300);
    double train = f1("train");
    f1("train-1 (-33..-38)", "train", l -> number(l) < 47);
    f1("train-2 (-47..-52)", "train", l -> number(l) >= 47 && number(l) <= 52);
    f1("train-3 (-57..-62)", "train", l -> number(l) >= 57 && number(l) <= 62);
    f1("train-4 (-67..-72)", "train", l -> number(l) >= 67 && number(l) <= 72);
    f1("train-5 (-73..-78)", "train", l -> number(l) >= 73 && number(l) <= 78);
    f1("train-6 (-79..-84)", "train", l -> number(l) >= 79 && number(l) <= 84);
    f1("train-7 (-85..-90)", "train", l -> number(l) >= 85 && number(l) <= 90);
    f1("train-8 (-91..-96)", "train", l -> number(l) >= 91 && number(l) <= 96);
    f1("train-9 (-101..-106)", "train", l -> number(l) >= 101 && number(l) <= 106);
    f1("train-10 (-107..-112)", "train", l -> number(l) >= 107 && number(l) <= 112);
    f1("train-11 (-117..-122)", "train", l -> number(l) >= 117 && number(l) <= 122);
    f1("train-12 (-123..-128)", "train", l -> number(l) >= 123 && number(l) <= 128);
    f1("train-13 (-133..-138)", "train", l -> number(l) >= 133 && number(l) <= 138 && !l.lang().equals("en"));
    f1("train-14 (-139..-144)", "train", l -> number(l) >= 139 && number(l) <= 144 && !l.lang().equals("en"));
    f1("train-en (en-137..en-176)", "train", l -> l.lang().equals("en") && number(l) <= 176);
    f1("train-15 (-149..-154, en-181..en-186)", "train", l -> l.lang().equals("en") ? number(l) >= 181 && number(l) <= 186
        : number(l) >= 149 && number(l) <= 154);
    f1("train-16, briefs (-155..-160, en-187..en-192)", "train", l -> l.lang().equals("en") ? number(l) >= 187 && number(l) <= 192
        : number(l) >= 155 && number(l) <= 160);
    f1("train-17, briefs (-169..-174, en-201..en-206)", "train", l -> l.lang().equals("en") ? number(l) >= 201 && number(l) <= 206
        : number(l) >= 169 && number(l) <= 174);
    f1("train-18, long (-175..-180, en-207..en-212)", "train", l -> l.lang().equals("en") ? number(l) >= 207 && number(l) <= 212
        : number(l) >= 175 && number(l) <= 180);
    f1("train-19, mostly reports (-185..-190, en-217..en-222)", "train", l -> l.lang().equals("en")
        ? number(l) >= 217 && number(l) <= 222 : number(l) >= 185 && number(l) <= 190);
    f1("train-20, both named (-191..-196, en-223..en-228)", "train", l -> l.lang().equals("en")
        ? number(l) >= 223 && number(l) <= 228 : number(l) >= 191 && number(l) <= 196);
    f1("train-21, names (-197..-202, en-229..en-234)", "train", l -> l.lang().equals("en")
        ? number(l) >= 229 && number(l) <= 234 : number(l) >= 197 && number(l) <= 202);
    assertThat(train).as("train F1").isGreaterThanOrEqualTo(TRAIN_FLOOR);
  }

  /** Dev without its validation part (tuned on) and the validation part alone, printed apart. */
  @Test
  void tuningAndValidationPartsArePrintedApart() {
    double tuning = f1("dev tuning part", "dev", l -> !validation(l));
    double check = f1("dev validation part (-25..-32)", "dev", MultilingualSetTest::validation);
    assertThat(judged.stream().filter(j -> validation(j.label())).count()).isEqualTo(208);
    assertThat(tuning).as("tuning F1").isGreaterThanOrEqualTo(TUNING_FLOOR);
    assertThat(check).as("validation F1").isGreaterThanOrEqualTo(VALIDATION_FLOOR);
  }

  /**
   * The relevance model (decisions 0026 and 0028, on by default) on the same parts. It was trained on the
   * training part and the tuning part, so only its validation figure is a measurement on text it has
   * not seen: the train and tuning figures are fitted ones (its cross-validated figures are in
   * docs/benchmarks.md). Fails when the validation F1 falls below {@link #MODEL_VALIDATION_FLOOR}, or
   * when a relevant verdict has no evidence, or when a verdict of the model falls on the wrong side of
   * the sink's default alert minimum (a relevant article that would raise no alert).
   */
  @Test
  void theRelevanceModelIsPrintedApart() {
    f1("model, train (fitted on)", "train", l -> true, Judged::model);
    f1("model, dev tuning part (fitted on)", "dev", l -> !validation(l), Judged::model);
    double check = f1("model, dev validation part (-25..-32)", "dev", MultilingualSetTest::validation, Judged::model);
    assertThat(check).as("model validation F1").isGreaterThanOrEqualTo(MODEL_VALIDATION_FLOOR);
    if (TEST_SPLIT_SCORED) {
      double test = f1("model, test", "test", l -> true, Judged::model);
      assertThat(test).as("model test F1").isGreaterThanOrEqualTo(MODEL_TEST_FLOOR);
    }
    double alertMinimum = NewsmonConfig.defaults().get(SinkSettings.ALERT_MIN_SCORE);
    assertThat(alertMinimum).isEqualTo(RelevanceModel.DECISION_SCORE);
    for (Judged j : judged) {
      assertThat(!j.model().relevant() || !j.model().evidence().isEmpty()).as(j.label().id()).isTrue();
      if (j.model().relevant() != j.match().relevant() || !j.model().evidence().isEmpty()) {
        // a verdict the model made (not only the rules'): relevant exactly when it reaches the alert minimum
        assertThat(j.model().score() >= alertMinimum).as(j.label().id() + " score " + j.model().score())
            .isEqualTo(j.model().relevant());
      }
    }
  }

  @Test
  void everyRelevantVerdictHasEvidenceAndEveryRefusedTrapItsReasonWhenOneWasSeen() {
    for (Judged j : judged) {
      if (j.match().relevant()) {
        assertThat(j.match().evidence()).as(j.label().id()).isNotEmpty();
        for (Analysis.Evidence e : j.match().evidence()) {
          assertThat(j.label().text().substring(e.start(), e.end())).isEqualTo(e.text());
        }
      }
    }
  }
}
