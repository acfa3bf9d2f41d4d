package io.newsmon.app.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.app.demo.SyntheticArticles;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import io.newsmon.ingestor.UrlCanonicalizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fault program's input, the same for the undisturbed and the disturbed run: an archive of
 * synthetic multilingual articles (JSON lines for {@code newsmon replay}) with an exact copy of
 * every seventh one under another URL an hour later, the local site's articles, and probe articles
 * that mention neither country.
 *
 * <p>Articles are four days apart in publication time, more than the story window, so each story
 * is one article and its copy: which articles form a story then does not depend on the order the
 * parallel analysis delivers them in (that order is the reorder buffer's business, measured
 * elsewhere), and alert ids and revisions of two runs can be compared one to one.
 */
final class ChaosInputs {

  static final Instant ARCHIVE_START = Instant.parse("2001-01-01T08:00:00Z");
  static final Instant SITE_START = Instant.parse("2041-01-01T08:00:00Z");
  static final Instant PROBE_START = Instant.parse("1991-01-01T08:00:00Z");
  private static final Duration SPACING = Duration.ofDays(4);
  private static final List<String> COUNTRY_WORDS = List.of("Morocco", "Maroc", "Марокко", "المغرب",
      "Marruecos", "Kazakhstan", "Казахстан", "كازاخستان", "Kazajistán", "Қазақстан");

  private ChaosInputs() {}

  /** Writes the archive and returns the ids of its articles. */
  static Set<String> writeArchive(Path file, int originals) throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    List<RawArticle> base = SyntheticArticles.generate(originals, 11);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < base.size(); i++) {
        RawArticle a = base.get(i);
        Instant published = ARCHIVE_START.plus(SPACING.multipliedBy(i));
        line(w, a.url(), a.title(), a.text(), published);
        ids.add(Hashing.articleId(a.url()));
        if (i % 7 == 3) {
          String copy = "https://mirror.example.net/copy/" + i;
          line(w, copy, a.title(), a.text(), published.plus(Duration.ofHours(1)));
          ids.add(Hashing.articleId(copy));
        }
      }
    }
    return ids;
  }

  private static void line(BufferedWriter w, String url, String title, String text, Instant published)
      throws IOException {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("url", url);
    n.put("title", title);
    n.put("text", text);
    n.put("published", published.toString());
    w.write(n.toString());
    w.newLine();
  }

  /** The local site's articles (their URLs are the site's). */
  static List<RawArticle> siteArticles(int n) {
    List<RawArticle> out = new ArrayList<>();
    List<RawArticle> base = SyntheticArticles.generate(n, 23);
    for (int i = 0; i < n; i++) {
      RawArticle a = base.get(i);
      out.add(RawArticle.builder().url("site:" + i).title(a.title()).text(a.text())
          .publishedAt(SITE_START.plus(SPACING.multipliedBy(i))).build());
    }
    return out;
  }

  /** The article id the ingestor gives a page of the site. */
  static String siteId(String url) {
    return Hashing.articleId(UrlCanonicalizer.canonical(url));
  }

  /** Articles that mention neither country (so they raise no alert), each different. */
  static List<RawArticle> probes(int n) {
    List<RawArticle> out = new ArrayList<>();
    for (RawArticle a : SyntheticArticles.generate(n * 4, 97)) {
      if (out.size() == n) {
        break;
      }
      if (COUNTRY_WORDS.stream().noneMatch(a.text()::contains)) {
        int i = out.size();
        out.add(RawArticle.builder().url("https://probe.example.org/" + i).sourceId("probe").origin("replay")
            .title(a.title()).text(a.text()).publishedAt(PROBE_START.plus(SPACING.multipliedBy(i)))
            .fetchedAt(Instant.now()).build());
      }
    }
    return out;
  }
}
