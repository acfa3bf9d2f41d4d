package io.newsmon.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.fingerprint.FingerprinterTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchAnalyzerTest {

  static RawArticle article(String url, String text) {
    return RawArticle.builder().url(url).title("Trade talks").text(text).build();
  }

  @Test
  void duplicatesAreJudgedInInputOrder() {
    BatchAnalyzer batch = BatchAnalyzer.create(NewsmonConfig.defaults());
    ProcessedArticle a = batch.next("copy", article("https://x/1", "RABAT (MAP) - " + FingerprinterTest.BASE));
    ProcessedArticle b = batch.next("orig", article("https://x/2", FingerprinterTest.BASE));
    assertThat(a.analysis().duplicateOf()).isNull();
    assertThat(b.analysis().duplicateOf()).isEqualTo("copy");
    assertThat(b.id()).isEqualTo("orig");
    assertThat(b.analysis().storyId()).isEqualTo(a.analysis().storyId());

    BatchAnalyzer other = BatchAnalyzer.create(NewsmonConfig.defaults());
    assertThat(other.next("orig", article("https://x/2", FingerprinterTest.BASE)).analysis().duplicateOf()).isNull();
    assertThat(other.next("copy", article("https://x/1", "RABAT (MAP) - " + FingerprinterTest.BASE))
        .analysis().duplicateOf()).isEqualTo("orig");
  }

  @Test
  void theAnalyzerGivesTheSameAnswerFromManyThreads() throws Exception {
    ArticleAnalyzer analyzer = ArticleAnalyzer.create(NewsmonConfig.defaults());
    RawArticle art = article("https://x/1", FingerprinterTest.BASE);
    Analysis expected = analyzer.analyze(art);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Analysis>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> analyzer.analyze(art)));
      }
      for (Future<Analysis> f : futures) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(expected.duplicateOf()).isNull();
    assertThat(expected.storyId()).isNull();
    assertThat(expected.contentHash()).hasSize(64);
  }
}
