package io.newsmon.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import io.newsmon.processor.BatchAnalyzer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fault program compares two runs article by article, which is meaningful only if the pipeline
 * must judge its input the same whatever order the articles arrive in. Checked here with the
 * product's own analysis and dedup ({@code newsmon analyze}'s), in input order and reversed.
 */
class ChaosInputsTest {

  @Test
  void theOnlyCopiesAreTheLabelledOnesInWhateverOrderTheArticlesArrive() {
    ChaosInputs in = ChaosInputs.generate(40, 20, 6, 4);
    assertThat(in.archive).hasSize(40 + 6);
    assertThat(in.copies).hasSize(6);
    assertThat(in.site).hasSize(20);
    assertThat(in.probes).hasSize(6);

    List<RawArticle> all = new ArrayList<>(in.archive);
    all.addAll(in.site);
    all.addAll(in.probes);
    Set<Set<String>> forward = groups(all);
    Collections.reverse(all);
    Set<Set<String>> reversed = groups(all);

    Set<Set<String>> expected = new HashSet<>();
    Set<String> paired = new HashSet<>();
    in.copies.forEach((copy, original) -> {
      expected.add(Set.of(copy, original));
      paired.add(copy);
      paired.add(original);
    });
    for (RawArticle a : all) {
      String id = Hashing.articleId(a.url());
      if (!paired.contains(id)) {
        expected.add(Set.of(id));
      }
    }
    assertThat(forward).isEqualTo(expected);
    assertThat(reversed).isEqualTo(expected);
  }

  @Test
  void probesRaiseNoAlertAlthoughTheirTextsNameCities() {
    ChaosInputs in = ChaosInputs.generate(0, 0, 6, 4);
    BatchAnalyzer analyzer = BatchAnalyzer.create(NewsmonConfig.defaults());
    for (RawArticle probe : in.probes) {
      assertThat(analyzer.next(Hashing.articleId(probe.url()), probe).analysis().watches())
          .as(probe.url()).isNotEmpty().noneMatch(w -> w.relevant());
      assertThat(probe.text()).as(probe.url()).doesNotContain("Rabat", "Astana", "Almaty");
    }
  }

  @Test
  void aCopyIsPublishedAfterItsOriginalOnTheSamePartition() {
    ChaosInputs in = ChaosInputs.generate(30, 0, 0, 4);
    Map<String, RawArticle> byId = new HashMap<>();
    in.archive.forEach(a -> byId.put(Hashing.articleId(a.url()), a));
    Set<Integer> partitions = new HashSet<>();
    in.copies.forEach((copy, original) -> {
      RawArticle c = byId.get(copy);
      RawArticle o = byId.get(original);
      assertThat(c.publishedAt()).isAfter(o.publishedAt());
      assertThat(in.archive.indexOf(c)).isEqualTo(in.archive.indexOf(o) + 1);
      assertThat(ChaosInputs.partitionOf(c.url(), 4)).isEqualTo(ChaosInputs.partitionOf(o.url(), 4));
      partitions.add(ChaosInputs.partitionOf(o.url(), 4));
    });
    assertThat(in.copies).hasSizeGreaterThanOrEqualTo(4);
    // the URLs were chosen, not lucky: originals spread over partitions, copies followed them
    assertThat(partitions).hasSizeGreaterThan(1);
  }

  /** Articles grouped with their originals, as the analysis judges them in this order. */
  private static Set<Set<String>> groups(List<RawArticle> articles) {
    BatchAnalyzer analyzer = BatchAnalyzer.create(NewsmonConfig.defaults()
        .with("processor.dedup.window", ChaosInputs.DEDUP_WINDOW));
    Map<String, Set<String>> byOriginal = new HashMap<>();
    for (RawArticle a : articles) {
      String id = Hashing.articleId(a.url());
      ProcessedArticle p = analyzer.next(id, a);
      String original = p.analysis().duplicateOf() != null ? p.analysis().duplicateOf() : id;
      byOriginal.computeIfAbsent(original, k -> new HashSet<>()).add(id);
    }
    Set<Set<String>> out = new HashSet<>();
    byOriginal.values().forEach(g -> out.add(Set.copyOf(g)));
    return out;
  }
}
