package io.newsmon.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.RawArticle;
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
 * 24 languages, ordinary reports, relations named only through institutions, and the traps: namesake
 * businesses and places, treaties and teams named after cities, comparisons, separate dealings).
 * Prints precision, recall and F1 per split and the share judged right per language and per kind.
 *
 * <p>The first {@code test} split (96 articles) was scored once on 2026-12-01 (dev F1 0.958, test
 * F1 0.870) and then moved into {@code dev}, since it had been seen. The {@code test} split now holds
 * 64 new articles in 16 languages, written and labelled before any further tuning; rules are tuned on
 * {@code dev} only. The new split was scored once, on 2026-12-01, with no tuning since it was
 * written: F1 0.892 (precision 0.853, recall 0.935), dev F1 0.927 (docs/benchmarks.md). Fails when dev
 * F1 falls below {@value #DEV_FLOOR} or test F1 below {@value #TEST_FLOOR}, just under what each
 * measured: the goal {@value #F1_GOAL} is met on neither, and lowering the floors, or tuning on the
 * test split, would hide that.
 */
class MultilingualSetTest {

  /** The goal of the issue, on the held-out split. */
  static final double F1_GOAL = 0.95;
  static final double DEV_FLOOR = 0.92;
  static final double TEST_FLOOR = 0.86;

  record Labelled(String id, String lang, boolean relevant, String kind, String split, String title, String text) {}

  record Judged(Labelled label, Analysis.WatchMatch match) {}

  static List<Judged> judged;

  @BeforeAll
  static void analyse() throws IOException, URISyntaxException {
    Path dir = Path.of(MultilingualSetTest.class.getResource("/labelled/multilingual").toURI());
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    ArticleAnalyzer analyzer = ArticleAnalyzer.create(NewsmonConfig.defaults());
    judged = new ArrayList<>();
    for (Path f : files) {
      List<Labelled> set;
      try (InputStream in = Files.newInputStream(f)) {
        set = Json.mapper().readValue(in, new TypeReference<List<Labelled>>() {});
      }
      for (Labelled l : set) {
        Analysis a = analyzer.analyze(RawArticle.builder().url("https://labelled.example/" + l.id())
            .title(l.title()).text(l.text()).build());
        judged.add(new Judged(l, a.watches().get(0)));
      }
    }
  }

  /** Precision, recall, F1 of the judgements of one split, printed with the errors. */
  static double f1(String split) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    List<String> errors = new ArrayList<>();
    Map<String, int[]> byLang = new TreeMap<>();
    Map<String, int[]> byKind = new TreeMap<>();
    for (Judged j : judged) {
      if (!j.label().split().equals(split)) {
        continue;
      }
      boolean got = j.match().relevant();
      boolean want = j.label().relevant();
      tp += got && want ? 1 : 0;
      fp += got && !want ? 1 : 0;
      fn += !got && want ? 1 : 0;
      for (int[] c : List.of(byLang.computeIfAbsent(j.label().lang(), k -> new int[2]),
          byKind.computeIfAbsent(j.label().kind(), k -> new int[2]))) {
        c[0] += got == want ? 1 : 0;
        c[1]++;
      }
      if (got != want) {
        errors.add((want ? "false negative " : "false positive ") + j.label().id() + " (" + j.label().kind()
            + ") score " + j.match().score() + " notes " + j.match().notes());
      }
    }
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    System.out.printf("multilingual set, %s: %d articles, precision %.3f, recall %.3f, F1 %.3f%n", split,
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
    assertThat(judged).extracting(j -> j.label().split()).contains("dev", "test");
  }

  @Test
  void relevanceF1StaysAboveTheFloors() {
    double dev = f1("dev");
    double test = f1("test");
    System.out.printf("dev F1 %.3f, test F1 %.3f, against the goal %.2f%n", dev, test, F1_GOAL);
    assertThat(dev).as("dev F1").isGreaterThanOrEqualTo(DEV_FLOOR);
    assertThat(test).as("test F1").isGreaterThanOrEqualTo(TEST_FLOOR);
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
