package io.newsmon.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real articles in ../shared/corpus/seeds (read in place, never copied): all must be relevant. */
class SeedsTest {

  static final Path SEEDS = Path.of("../../shared/corpus/seeds");
  static List<Path> files;
  static List<ProcessedArticle> results;

  @BeforeAll
  static void analyse() throws IOException {
    if (!Files.isDirectory(SEEDS)) {
      return;
    }
    try (Stream<Path> s = Files.list(SEEDS)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    BatchAnalyzer batch = BatchAnalyzer.create(NewsmonConfig.defaults());
    results = new ArrayList<>();
    Instant t = Instant.parse("2025-03-01T10:00:00Z");
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      String url = "https://seeds.example/" + f.getFileName();
      RawArticle raw = RawArticle.builder().url(url).text(text).fetchedAt(t).build();
      results.add(batch.next(Hashing.articleId(url), raw));
    }
  }

  static void assumeSeeds() {
    Assumptions.assumeTrue(results != null, "no seed corpus at " + SEEDS.toAbsolutePath()
        + " (../shared/corpus/seeds from the repository root): seed checks skipped");
  }

  @Test
  void everySeedIsRelevantWithEvidence() {
    assumeSeeds();
    assertThat(results).hasSize(5);
    for (int i = 0; i < results.size(); i++) {
      Analysis a = results.get(i).analysis();
      Analysis.WatchMatch m = a.watches().get(0);
      System.out.printf("%s lang=%s score=%.3f topics=%s entities=%s story=%s dup=%s event=%s%n  evidence=%s%n",
          files.get(i).getFileName(), a.language(), m.score(), a.topics(),
          a.entities().stream().map(Analysis.Entity::id).distinct().toList(), a.storyId(),
          a.duplicateOf(), io.newsmon.processor.story.EventKeys.of(a), m.evidence().stream().map(e -> e.text().length() > 80 ? e.text().substring(0, 80) : e.text()).toList());
      assertThat(m.watchId()).isEqualTo("morocco-kazakhstan");
      assertThat(m.relevant()).as("seed %s relevant", files.get(i).getFileName()).isTrue();
      assertThat(m.evidence()).isNotEmpty();
      String text = results.get(i).article().text();
      for (Analysis.Evidence e : m.evidence()) {
        assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
      }
    }
  }

  /**
   * The default analysis gives the relevance model's verdict (decision 0028); with the rules alone
   * (processor.watch.relevance-model false) the seeds stay relevant too, with evidence.
   */
  @Test
  void everySeedIsRelevantWithTheRulesAloneToo() throws IOException {
    assumeSeeds();
    ArticleAnalyzer modelled = ArticleAnalyzer.create(NewsmonConfig.defaults()
        .with(io.newsmon.common.config.ProcessorSettings.RELEVANCE_MODEL.name(), "false"));
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      Analysis.WatchMatch m = modelled.analyze(RawArticle.builder().url("https://seeds.example/" + f.getFileName())
          .text(text).build()).watches().get(0);
      System.out.printf("with the rules alone: %s relevant=%s notes=%s%n", f.getFileName(), m.relevant(), m.notes());
      assertThat(m.relevant()).as("seed %s relevant with the rules alone", f.getFileName()).isTrue();
      assertThat(m.evidence()).isNotEmpty();
    }
  }

  @Test
  void languagesAreArabicAndFrench() {
    assumeSeeds();
    assertThat(results).extracting(r -> r.analysis().language().code())
        .containsExactly("ar", "ar", "ar", "fr", "ar");
  }

  @Test
  void oneEventInTwoLanguagesSharesAStoryWithoutDuplicates() {
    assumeSeeds();
    ProcessedArticle s0 = results.get(0);
    ProcessedArticle s2 = results.get(2);
    ProcessedArticle s3 = results.get(3);
    assertThat(s2.analysis().storyId()).isEqualTo(s0.analysis().storyId());
    assertThat(s3.analysis().storyId()).isEqualTo(s0.analysis().storyId());
    for (ProcessedArticle p : List.of(s0, s2, s3)) {
      assertThat(p.analysis().duplicateOf()).as("%s is no duplicate", p.id()).isNull();
    }
    // the essay on the partnership and the independence anniversary report other things
    assertThat(results.get(1).analysis().storyId()).isNotEqualTo(s0.analysis().storyId());
    assertThat(results.get(4).analysis().storyId()).isNotEqualTo(s0.analysis().storyId());
  }
}
