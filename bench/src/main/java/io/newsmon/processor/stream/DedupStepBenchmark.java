package io.newsmon.processor.stream;

import io.newsmon.app.demo.SyntheticArticles;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import io.newsmon.processor.ArticleAnalyzer;
import io.newsmon.processor.dedup.Deduplicator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the single-partition dedup step spends on each record besides the dedup decision itself:
 * reading the repartition record ({@link OutcomeSerde}), attaching a decision and writing the
 * {@code news.processed} value. Prints microseconds per article (median and best of the rounds).
 *
 * <pre>
 * java -cp 'bench/target/newsmon-bench.jar:bench/target/lib/*' io.newsmon.processor.stream.DedupStepBenchmark [ARTICLES] [ROUNDS]
 * </pre>
 */
public final class DedupStepBenchmark {

  private DedupStepBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    ArticleAnalyzer analyzer = ArticleAnalyzer.create(NewsmonConfig.defaults());
    List<byte[]> wire = new ArrayList<>();
    long chars = 0;
    for (RawArticle r : SyntheticArticles.generate(n, 7)) {
      ArticleAnalyzer.Analyzed a = analyzer.analyzeWithFingerprint(r);
      String id = Hashing.articleId(r.key());
      wire.add(OutcomeSerde.toBytes(Analysed.of(ProcessedArticle.of(id, r, a.analysis()), a.fingerprint())));
      chars += r.text() == null ? 0 : r.text().length();
    }
    Deduplicator.Decision decision = new Deduplicator.Decision(null, "s-bench");
    double[] perArticle = new double[rounds];
    long sink = 0;
    for (int round = -5; round < rounds; round++) { // five rounds of warm-up
      long t = System.nanoTime();
      for (byte[] w : wire) {
        Analysed o = (Analysed) OutcomeSerde.fromBytes(w, 0, w.length, "bench");
        sink += o.withDecision(decision).processedJson().length;
      }
      if (round >= 0) {
        perArticle[round] = (System.nanoTime() - t) / 1e3 / wire.size();
      }
    }
    Arrays.sort(perArticle);
    System.out.printf("dedup step, read + decision + news.processed value: %d synthetic articles (%d chars of "
        + "text on average), %d rounds: median %.1f us per article, best %.1f us (%d bytes written)%n", n,
        chars / Math.max(1, n), rounds, perArticle[rounds / 2], perArticle[0], sink);
    System.out.printf("machine: %d cores, Java %s, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
