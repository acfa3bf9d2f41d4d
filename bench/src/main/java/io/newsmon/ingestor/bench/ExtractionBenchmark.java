package io.newsmon.ingestor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.ingestor.extract.ArticleExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Scores {@link ArticleExtractor} on the article-extraction benchmark (html/&lt;id&gt;.html.gz and
 * ground-truth.json) with that benchmark's shingle scoring, for every {@link ArticleExtractor.Strategy}.
 *
 * <p>Run from the repository root:
 * <pre>mvn -B -q -o -pl ingestor exec:java -Dexec.mainClass=io.newsmon.ingestor.bench.ExtractionBenchmark -Dexec.args="../shared/bench/article-extraction"</pre>
 * The argument defaults to {@code ../shared/bench/article-extraction}. A second argument
 * {@code --worst N} lists the N worst documents of the default strategy.
 */
public final class ExtractionBenchmark {

  /** One document's outcome. */
  public record DocScore(String id, double precision, double recall) {}

  /** The outcome of one strategy. */
  public record Result(String strategy, int documents, double precision, double recall, double f1,
      double millisPerDoc, List<DocScore> perDoc) {}

  private ExtractionBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/bench/article-extraction");
    int worst = args.length > 2 && args[1].equals("--worst") ? Integer.parseInt(args[2]) : 0;
    if (args.length > 2 && args[1].equals("--show")) {
      show(dir, args[2]);
      return;
    }
    if (!Files.isDirectory(dir.resolve("html"))) {
      System.err.println("no benchmark at " + dir.toAbsolutePath()
          + ": give the folder holding html/ and ground-truth.json as the first argument");
      System.exit(2);
    }
    System.out.printf(Locale.ROOT, "machine: %s %s, %d cores, Java %s%n", System.getProperty("os.name"),
        System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    for (ArticleExtractor.Strategy s : ArticleExtractor.Strategy.values()) {
      Result r = run(dir, new ArticleExtractor(s), s.name());
      System.out.printf(Locale.ROOT, "%-26s docs=%d  F1=%.3f  P=%.3f  R=%.3f  %.1f ms/doc%n", r.strategy(),
          r.documents(), r.f1(), r.precision(), r.recall(), r.millisPerDoc());
      if (worst > 0 && s == ArticleExtractor.Strategy.COMBINED) {
        r.perDoc().stream()
            .sorted((a, b) -> Double.compare(ShingleScore.f1(a.precision(), a.recall()), ShingleScore.f1(b.precision(), b.recall())))
            .limit(worst)
            .forEach(d -> System.out.printf(Locale.ROOT, "  %s P=%.2f R=%.2f%n", d.id(), d.precision(), d.recall()));
      }
    }
  }

  /** Prints one document's extraction and its ground truth, for looking into a low score. */
  static void show(Path dir, String id) throws IOException {
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile()).path(id);
    String html;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("html").resolve(id + ".html.gz")))) {
      html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var a = new ArticleExtractor().extract(html, truth.path("url").asText(null));
    System.out.println("== extracted (" + a.text().length() + " chars): " + a);
    System.out.println("== truth (" + truth.path("articleBody").asText("").length() + " chars):\n"
        + truth.path("articleBody").asText(""));
  }

  public static Result run(Path dir, ArticleExtractor extractor, String name) throws IOException {
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    List<DocScore> scores = new ArrayList<>();
    double sp = 0;
    double sr = 0;
    long nanos = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path file = dir.resolve("html").resolve(e.getKey() + ".html.gz");
      if (!Files.exists(file)) {
        continue;
      }
      String html;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String url = e.getValue().path("url").asText(null);
      long t0 = System.nanoTime();
      String text = extractor.extract(html, url).text();
      nanos += System.nanoTime() - t0;
      ShingleScore.PR pr = ShingleScore.score(text, e.getValue().path("articleBody").asText(""));
      scores.add(new DocScore(e.getKey(), pr.precision(), pr.recall()));
      sp += pr.precision();
      sr += pr.recall();
    }
    int n = scores.size();
    double p = n == 0 ? 0 : sp / n;
    double r = n == 0 ? 0 : sr / n;
    return new Result(name, n, p, r, ShingleScore.f1(p, r), n == 0 ? 0 : nanos / 1e6 / n, scores);
  }
}
