package io.newsmon.app.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.app.demo.SyntheticArticles;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import io.newsmon.ingestor.UrlCanonicalizer;
import io.newsmon.processor.ArticleAnalyzer;
import io.newsmon.processor.dedup.Deduplicator;
import io.newsmon.processor.dedup.InMemoryDedupState;
import io.newsmon.processor.fingerprint.Fingerprinter;
import org.apache.kafka.common.utils.Utils;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fault program's input, the same for the undisturbed and the disturbed run: an archive of
 * synthetic multilingual articles (JSON lines for {@code newsmon replay}) with an exact copy of
 * every seventh one under another URL an hour later, the local site's articles, and probe articles
 * that no watch matches (so they raise no alert).
 *
 * <p>So that both runs must judge every article alike whatever order the articles arrive in:
 *
 * <ul>
 *   <li>every article is either unique, or a labelled exact copy: no two of all the articles
 *       (archive, site and probes) are near duplicates as the dedup step judges them (candidates
 *       that are, in either order, are left out while the input is drawn, {@link Distinct}); the
 *       only copies are the labelled ones;</li>
 *   <li>a copy is published an hour after its original, on the same news.raw partition (its URL
 *       is chosen so), so the analysis delivers the original first even when one partition lags
 *       behind the others after a crash;</li>
 *   <li>articles are four days apart in publication time, more than the story window, so each
 *       story is one article and its copy.</li>
 * </ul>
 * The program also gives the processors a dedup window longer than the input's span
 * ({@link #DEDUP_WINDOW}), so an original is never forgotten before its copy because another
 * partition ran years of publication time ahead.
 */
final class ChaosInputs {

  static final Instant ARCHIVE_START = Instant.parse("2001-01-01T08:00:00Z");
  static final Instant SITE_START = Instant.parse("2041-01-01T08:00:00Z");
  static final Instant PROBE_START = Instant.parse("1991-01-01T08:00:00Z");
  /** {@code processor.dedup.window} for both runs: longer than the whole input's span. */
  static final String DEDUP_WINDOW = "36500d";
  private static final Duration SPACING = Duration.ofDays(4);

  /** The archive in file order (originals, each copy right after its original). */
  final List<RawArticle> archive;
  /** Ids of the archive's articles. */
  final Set<String> archiveIds;
  /** Archive articles that are labelled copies: id of the copy → id of its original. */
  final Map<String, String> copies;
  /** The local site's articles (their URLs are the site's). */
  final List<RawArticle> site;
  /** Articles that mention neither country (so they raise no alert). */
  final List<RawArticle> probes;
  /** Candidates left out as near duplicates of an article already drawn. */
  final int rejected;

  private ChaosInputs(List<RawArticle> archive, Set<String> archiveIds, Map<String, String> copies,
      List<RawArticle> site, List<RawArticle> probes, int rejected) {
    this.archive = archive;
    this.archiveIds = archiveIds;
    this.copies = copies;
    this.site = site;
    this.probes = probes;
    this.rejected = rejected;
  }

  /**
   * Draws the input: {@code originals} archive articles (plus copies), {@code siteArticles} site
   * articles and {@code probeArticles} probes, all from one deterministic sequence.
   *
   * @param partitions partitions of news.raw (a copy goes to its original's)
   */
  static ChaosInputs generate(int originals, int siteArticles, int probeArticles, int partitions) {
    SyntheticArticles source = new SyntheticArticles(11);
    Distinct distinct = new Distinct();
    int[] drawn = {0};
    Instant when = Instant.parse("2026-11-01T00:00:00Z");
    java.util.function.Predicate<RawArticle> none = a -> true;
    java.util.function.UnaryOperator<RawArticle> asDrawn = a -> a;
    List<RawArticle> base = draw(source, distinct, originals, none, asDrawn, drawn, when);
    List<RawArticle> siteBase = draw(source, distinct, siteArticles, none, asDrawn, drawn, when);
    List<RawArticle> probeBase = List.of();
    if (probeArticles > 0) {
      ArticleAnalyzer analyzer = ArticleAnalyzer.create(NewsmonConfig.defaults());
      probeBase = draw(source, distinct, probeArticles, a -> analyzer.analyze(a).watches().stream().noneMatch(w -> w.relevant())
          && a.text().length() > 500, a -> withoutMentions(analyzer, a), drawn, when);
    }

    List<RawArticle> archive = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    Map<String, String> copies = new LinkedHashMap<>();
    for (int i = 0; i < base.size(); i++) {
      RawArticle a = base.get(i);
      Instant published = ARCHIVE_START.plus(SPACING.multipliedBy(i));
      RawArticle original = RawArticle.builder().url(a.url()).title(a.title()).text(a.text())
          .publishedAt(published).build();
      archive.add(original);
      ids.add(Hashing.articleId(a.url()));
      if (i % 7 == 3) {
        String copyUrl = samePartition("https://mirror.example.net/copy/" + i, a.url(), partitions);
        archive.add(RawArticle.builder().url(copyUrl).title(a.title()).text(a.text())
            .publishedAt(published.plus(Duration.ofHours(1))).build());
        ids.add(Hashing.articleId(copyUrl));
        copies.put(Hashing.articleId(copyUrl), Hashing.articleId(a.url()));
      }
    }
    List<RawArticle> site = new ArrayList<>();
    for (int i = 0; i < siteBase.size(); i++) {
      RawArticle a = siteBase.get(i);
      site.add(RawArticle.builder().url("site:" + i).title(a.title()).text(a.text())
          .publishedAt(SITE_START.plus(SPACING.multipliedBy(i))).build());
    }
    List<RawArticle> probes = new ArrayList<>();
    for (int i = 0; i < probeBase.size(); i++) {
      RawArticle a = probeBase.get(i);
      probes.add(RawArticle.builder().url("https://probe.example.org/" + i).sourceId("probe").origin("replay")
          .title(a.title()).text(a.text()).publishedAt(PROBE_START.plus(SPACING.multipliedBy(i)))
          .fetchedAt(Instant.now()).build());
    }
    return new ChaosInputs(List.copyOf(archive), ids, copies, List.copyOf(site), List.copyOf(probes),
        drawn[0] - base.size() - siteBase.size() - probeBase.size());
  }

  private static List<RawArticle> draw(SyntheticArticles source, Distinct distinct, int n,
      java.util.function.Predicate<RawArticle> wanted, java.util.function.UnaryOperator<RawArticle> shape,
      int[] drawn, Instant when) {
    List<RawArticle> out = new ArrayList<>();
    int limit = drawn[0] + 50 * n + 1000;
    while (out.size() < n) {
      if (drawn[0]++ > limit) {
        throw new IllegalStateException("could not draw " + n + " distinct articles (" + out.size() + " found)");
      }
      RawArticle a = shape.apply(source.next(when));
      if (wanted.test(a) && distinct.add(a)) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * {@code base} with a query suffix (or none) such that it lands on the same partition of news.raw
   * as {@code original}, as Kafka's default partitioner places keys.
   */
  static String samePartition(String base, String original, int partitions) {
    int target = partitionOf(original, partitions);
    for (int k = 0; ; k++) {
      String url = k == 0 ? base : base + "-" + k;
      if (partitionOf(url, partitions) == target) {
        return url;
      }
    }
  }

  /** The news.raw partition of an article published under {@code url}. */
  static int partitionOf(String url, int partitions) {
    byte[] key = UrlCanonicalizer.canonical(url).getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(key)) % partitions;
  }

  /** Writes the archive as JSON lines for {@code newsmon replay}. */
  void writeArchive(Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (RawArticle a : archive) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("url", a.url());
        n.put("title", a.title());
        n.put("text", a.text());
        n.put("published", a.publishedAt().toString());
        w.write(n.toString());
        w.newLine();
      }
    }
  }

  /**
   * The article without the sentences in which the product's analysis finds a mention of a watched
   * country (its name, a city, an institution…): a probe must raise no alert, and the synthetic texts
   * name cities of both countries (Rabat, Astana, …) in most sentences, so a list of country names
   * would not tell a probe.
   */
  private static RawArticle withoutMentions(ArticleAnalyzer analyzer, RawArticle a) {
    String text = a.text();
    List<int[]> spans = analyzer.analyze(a).entities().stream().map(e -> new int[] {e.start(), e.end()}).toList();
    StringBuilder kept = new StringBuilder();
    java.util.regex.Matcher m = SENTENCE.matcher(text);
    while (m.find()) {
      int from = m.start();
      int to = m.end();
      if (spans.stream().noneMatch(s -> s[0] < to && s[1] > from)) {
        kept.append(m.group());
      }
    }
    String body = kept.toString().strip();
    return RawArticle.builder().url(a.url()).title(body.substring(0, Math.min(60, body.length()))).text(body)
        .publishedAt(a.publishedAt()).build();
  }

  /** A sentence with the space or blank line after it. */
  private static final java.util.regex.Pattern SENTENCE = java.util.regex.Pattern.compile("[^.!?]+[.!?]*\\s*");

  /** The article id the ingestor gives a page of the site. */
  static String siteId(String url) {
    return Hashing.articleId(UrlCanonicalizer.canonical(url));
  }

  /**
   * Accepts an article only when the dedup step would judge it neither an exact nor a near copy of
   * any article accepted before, nor they of it (the judgement is symmetric: SimHash distance, and
   * shingle containment measured on the smaller of the two), with nothing ever forgotten.
   */
  static final class Distinct {
    private final Deduplicator dedup = new Deduplicator(Deduplicator.Settings.from(NewsmonConfig.defaults()
        .with("processor.dedup.window", DEDUP_WINDOW)));
    private final InMemoryDedupState state = new InMemoryDedupState();
    private int n;

    boolean add(RawArticle a) {
      String text = a.text() == null ? "" : a.text();
      // a candidate judged a copy is kept only as an article entry, never as a lookup key, so it
      // cannot become anyone's original
      Deduplicator.Decision d = dedup.decide(state, "candidate-" + n++, 0L, Fingerprinter.contentHash(text),
          List.of(), List.of(), List.of(), Fingerprinter.fingerprint(text), 0L);
      return d.duplicateOf() == null;
    }
  }
}
