package io.newsmon.ingestor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.fetch.HttpFetcher;
import io.newsmon.ingestor.source.Source;
import io.newsmon.ingestor.state.InMemorySeenState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourcePollerTest {

  private LocalServer server;
  private HttpFetcher fetcher;

  @BeforeEach
  void setUp() throws Exception {
    server = new LocalServer();
    fetcher = new HttpFetcher(LocalServer.testSettings());
    String base = server.url("");
    server.route("/feed.xml", ex -> {
      if ("\"feed-v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        LocalServer.send(ex, 304, null, new byte[0]);
        return;
      }
      ex.getResponseHeaders().set("ETag", "\"feed-v1\"");
      LocalServer.send(ex, 200, "application/rss+xml; charset=utf-8", Fixtures.rss2(base).getBytes(StandardCharsets.UTF_8));
    });
    server.serve("/articles/rabat-astana-ble", "text/html; charset=utf-8", Fixtures.articleFr(base + "/articles/rabat-astana-ble"));
    server.serve("/articles/match-fes", "text/html", "<html lang=fr><head><title>Match</title></head><body><article>"
        + "<p>Le match amical entre les deux équipes s'est terminé sur un score nul au stade de Fès.</p></article></body></html>");
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private Source feed() {
    return new Source("quotidien", "feed", server.url("/feed.xml"), "fr", "MA", null, null, true, 50);
  }

  @Test
  void feedItemsAreFetchedAndExtracted() {
    List<RawArticle> out = new SourcePoller(fetcher).pollOnce(feed());
    assertThat(out).hasSize(2);
    RawArticle a = out.get(0);
    assertThat(a.origin()).isEqualTo("feed");
    assertThat(a.sourceId()).isEqualTo("quotidien");
    assertThat(a.key()).isEqualTo(server.url("/articles/rabat-astana-ble")); // tracking parameters gone
    assertThat(a.title()).isEqualTo("Rabat et Astana signent un accord sur le blé");
    assertThat(a.text()).contains("blé kazakh").contains("commission mixte")
        .doesNotContain("Accueil").doesNotContain("Tous droits").doesNotContain("Partager");
    assertThat(a.text()).doesNotContain("steal").doesNotContain("alert").doesNotContain("evil").doesNotContain("<script");
    assertThat(a.summary()).doesNotContainIgnoringCase("<script").doesNotContain("alert(1)");
    assertThat(a.author()).isEqualTo("Salma Idrissi");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-03-04T09:30:00Z"));
    assertThat(a.languageHint()).isEqualTo("fr-ma");
    assertThat(a.httpStatus()).isEqualTo(200);
  }

  @Test
  void aNotModifiedFeedIsNotReingestedAndSeenItemsAreNotRefetched() {
    SourcePoller poller = new SourcePoller(fetcher, new InMemorySeenState());
    assertThat(poller.pollOnce(feed())).hasSize(2);
    SourcePoller.PollResult second = poller.poll(feed());
    assertThat(second.notModified()).isTrue();
    assertThat(second.articles()).isEmpty();
    assertThat(server.hits("/feed.xml")).isEqualTo(2);
    assertThat(server.hits("/articles/rabat-astana-ble")).isEqualTo(1);
  }

  @Test
  void restartWithStateReplayedFromTheStateRecordsIngestsNothing() {
    Map<String, String> topic = new LinkedHashMap<>(); // stands in for the compacted state topic
    SourcePoller first = new SourcePoller(fetcher, new InMemorySeenState(topic::put));
    assertThat(first.pollOnce(feed())).hasSize(2);
    assertThat(topic).containsKey("seen|" + server.url("/articles/match-fes"));

    // "restart": a fresh state rebuilt from the records only, and a feed server that no longer sends 304
    server.route("/feed.xml", ex -> LocalServer.send(ex, 200, "application/rss+xml",
        Fixtures.rss2(server.url("")).getBytes(StandardCharsets.UTF_8)));
    InMemorySeenState restored = new InMemorySeenState();
    topic.forEach(restored::apply);
    List<RawArticle> again = new SourcePoller(fetcher, restored).pollOnce(feed());
    assertThat(again).isEmpty();
    assertThat(server.hits("/articles/rabat-astana-ble")).isEqualTo(1);
    assertThat(server.hits("/articles/match-fes")).isEqualTo(1);
  }

  @Test
  void aFailingSourceReportsItsFailureAndOthersCarryOn() {
    Source broken = new Source("broken", "feed", server.url("/gone.xml"), null, null, null, null, true, 50);
    SourcePoller poller = new SourcePoller(fetcher);
    SourcePoller.PollResult r = poller.poll(broken);
    assertThat(r.listingFailed()).isTrue();
    assertThat(r.failures()).singleElement().satisfies(f -> {
      assertThat(f.sourceId()).isEqualTo("broken");
      assertThat(f.url()).isEqualTo(server.url("/gone.xml"));
      assertThat(f.code()).isEqualTo("http-404");
      assertThat(f.reason()).contains("404");
    });
    assertThat(poller.pollOnce(feed())).hasSize(2);
  }

  @Test
  void anArticlePageThatFailsKeepsTheFeedDataAndIsReported() {
    server.route("/articles/match-fes", ex -> LocalServer.send(ex, 500, "text/plain", "boom".getBytes(StandardCharsets.UTF_8)));
    SourcePoller.PollResult r = new SourcePoller(fetcher).poll(feed());
    assertThat(r.articles()).hasSize(2);
    assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("http-500"));
    assertThat(r.articles().get(1).title()).isEqualTo("Match amical au stade de Fès");
  }

  @Test
  void newsSitemapGivesTitlesDatesAndLanguages() {
    server.serve("/news-sitemap.xml", "application/xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        <url><loc>%s/ar/1</loc><news:news><news:publication><news:name>Akhbar</news:name><news:language>ar</news:language></news:publication>
        <news:publication_date>2025-03-05T12:00:00Z</news:publication_date><news:title>المغرب وكازاخستان يوقعان اتفاقية</news:title></news:news></url>
        </urlset>""".formatted(server.url("")));
    server.serve("/ar/1", "text/html; charset=utf-8", Fixtures.articleAr());
    Source s = new Source("akhbar", "sitemap", server.url("/news-sitemap.xml"), "ar", "MA", null, null, true, 50);
    List<RawArticle> out = new SourcePoller(fetcher).pollOnce(s);
    assertThat(out).singleElement().satisfies(a -> {
      assertThat(a.origin()).isEqualTo("sitemap");
      assertThat(a.title()).isEqualTo("المغرب وكازاخستان يوقعان اتفاقية");
      assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-03-05T12:00:00Z"));
      assertThat(a.text()).contains("اللجنة المشتركة ستجتمع"); // JSON-LD articleBody
      assertThat(a.author()).isEqualTo("يوسف العلوي");
      assertThat(a.languageHint()).isEqualTo("ar");
    });
  }

  @Test
  void sectionPageLinksBySelectorAndByDiscovery() {
    String base = server.url("");
    server.serve("/sport", "text/html", """
        <html><body><nav><a href="/">Главная</a><a href="/tag/football">Футбол</a><a href="/about">О нас</a></nav>
        <div class="news"><h3 class="t"><a href="/2025/03/07/kazakhstan-marokko-futbol">Казахстан сыграет с Марокко</a></h3>
        <h3 class="t"><a href="/news/123456">Астана примет турнир</a></h3></div>
        <a href="https://other.example.org/2025/03/07/foreign-story-about-it">Чужая ссылка</a></body></html>""");
    server.serve("/2025/03/07/kazakhstan-marokko-futbol", "text/html", "<html lang=ru><body><article><p>Сборная Казахстана "
        + "проведёт товарищеский матч с командой Марокко в Астане в июне.</p></article></body></html>");
    server.serve("/news/123456", "text/html", "<html lang=ru><body><article><p>Астана примет международный турнир "
        + "по футболу среди молодёжных команд этим летом.</p></article></body></html>");
    Source discovered = new Source("sport", "page", base + "/sport", "ru", "KZ", null, null, true, 50);
    assertThat(new SourcePoller(fetcher).pollOnce(discovered)).extracting(RawArticle::url)
        .containsExactly(base + "/2025/03/07/kazakhstan-marokko-futbol", base + "/news/123456");
    Source selected = new Source("sport2", "page", base + "/sport", "ru", "KZ", null, "h3.t a", false, 1);
    List<RawArticle> one = new SourcePoller(fetcher).pollOnce(selected);
    assertThat(one).extracting(RawArticle::title).containsExactly("Казахстан сыграет с Марокко");
    assertThat(one.get(0).origin()).isEqualTo("page");
  }

  @Test
  void robotsDisallowedArticlesAreNotFetched() {
    server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /articles/match-fes\n");
    SourcePoller.PollResult r = new SourcePoller(fetcher).poll(feed());
    assertThat(server.hits("/articles/match-fes")).isZero();
    assertThat(r.failures()).extracting(Failure::code).containsExactly("robots-disallowed");
    List<String> keys = new ArrayList<>();
    r.articles().forEach(a -> keys.add(a.key()));
    assertThat(keys).hasSize(2);
  }
}
