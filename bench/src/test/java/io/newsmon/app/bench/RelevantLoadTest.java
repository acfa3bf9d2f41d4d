package io.newsmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import io.newsmon.processor.ArticleAnalyzer;
import io.newsmon.processor.dedup.Deduplicator;
import io.newsmon.processor.dedup.InMemoryDedupState;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelevantLoadTest {

  @Test
  void everyArticleIsRelevantAndStartsAStoryOfItsOwn() {
    NewsmonConfig config = NewsmonConfig.defaults();
    ArticleAnalyzer analyzer = ArticleAnalyzer.create(config);
    Deduplicator dedup = new Deduplicator(Deduplicator.Settings.from(config));
    InMemoryDedupState state = new InMemoryDedupState();
    RelevantLoad load = new RelevantLoad(17); // the latency bench's seed
    Instant t = Instant.parse("2026-11-20T10:00:00Z");
    int relevant = 0;
    Set<String> stories = new HashSet<>();
    Set<String> languages = new HashSet<>();
    int n = 150; // the relevant articles the latency bench times at 100 articles/s
    for (int i = 0; i < n; i++) {
      RawArticle a = load.next(t.plusSeconds(i));
      String id = Hashing.articleId(a.key());
      ArticleAnalyzer.Analyzed analyzed = analyzer.analyzeWithFingerprint(a);
      Analysis decided = dedup.decide(state, id, a, analyzed.analysis(), analyzed.fingerprint(), t.toEpochMilli());
      if (decided.watches().stream().anyMatch(Analysis.WatchMatch::relevant)) {
        relevant++;
      }
      assertThat(decided.duplicateOf()).as("article %d is no copy", i).isNull();
      stories.add(decided.storyId());
      languages.add(decided.language().code());
    }
    assertThat(relevant).isEqualTo(n);
    assertThat(stories).hasSize(n);
    assertThat(languages).containsExactlyInAnyOrder("en", "fr", "es", "ru");
  }
}
