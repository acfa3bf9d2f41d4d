package io.newsmon.ingestor.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import io.newsmon.ingestor.LocalServer;
import io.newsmon.ingestor.SourcePoller;
import io.newsmon.ingestor.fetch.HttpFetcher;
import io.newsmon.ingestor.source.Source;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * A page ingested live (a feed and its pages over real HTTP on 127.0.0.1) and the same page replayed
 * from an archive get the same key, and so the same article id: both go through the same
 * bytes-to-article path and the same URL normalisation.
 */
class LiveAndReplayKeysTest {

  /** No canonical link: the key comes from the URL, which carries tracking parameters. */
  private static final String PAGE_WITHOUT_CANONICAL = """
      <!doctype html><html lang="fr"><head><meta charset="windows-1252"><title>Rabat et Astana signent un accord</title></head>
      <body><nav>Accueil | International</nav><article><h1>Rabat et Astana signent un accord</h1>
      <p>Le Maroc et le Kazakhstan ont signé à Rabat un accord sur le commerce du blé et des engrais.</p>
      <p>Les deux ministres des Affaires étrangères ont aussi évoqué une liaison aérienne directe.</p></article>
      <footer>Tous droits réservés</footer></body></html>""";

  private LocalServer server;
  private String feedUrl;
  private String plainLink;
  private String canonicalLink;
  private byte[] plainPage;
  private byte[] canonicalPage;

  @TempDir
  Path dir;

  @BeforeEach
  void setUp() throws Exception {
    server = new LocalServer();
    plainLink = server.url("/news/rabat-astana?utm_source=rss&utm_medium=feed");
    canonicalLink = server.url("/news/visas?ref=home");
    // declared canonical URL: mobile host, AMP path and a tracking parameter, all normalised away
    String declared = "http://m.dala-news.example.kz/kk/visas/amp?utm_campaign=autumn";
    plainPage = PAGE_WITHOUT_CANONICAL.getBytes("windows-1252");
    canonicalPage = ("<html lang=\"kk\"><head><meta charset=\"utf-8\"><title>Визасыз режим</title>"
        + "<link rel=\"canonical\" href=\"" + declared + "\"></head><body><article><h1>Визасыз режим</h1>"
        + "<p>Қазақстан мен Марокко дипломатиялық паспорттар үшін визасыз режим туралы келісімге қол қойды.</p>"
        + "<p>Екі елдің сыртқы істер министрлері Астанада келіссөз жүргізді.</p></article></body></html>")
        .getBytes(StandardCharsets.UTF_8);
    server.serveBytes("/news/rabat-astana", "text/html", plainPage);
    server.serveBytes("/news/visas", "text/html; charset=utf-8", canonicalPage);
    String rss = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Desk</title>"
        + "<link>" + server.url("/") + "</link>"
        + item("Rabat et Astana signent un accord", plainLink)
        + item("Визасыз режим", canonicalLink)
        + "</channel></rss>";
    server.serve("/feed.xml", "application/rss+xml; charset=utf-8", rss);
    feedUrl = server.url("/feed.xml");
  }

  private static String item(String title, String link) {
    return "<item><title>" + title + "</title><link>" + link.replace("&", "&amp;") + "</link>"
        + "<pubDate>Tue, 14 Oct 2026 08:00:00 GMT</pubDate></item>";
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  /** Live keys by the link the feed gave. */
  private Map<String, RawArticle> ingestLive() {
    try (HttpFetcher fetcher = new HttpFetcher(LocalServer.testSettings())) {
      List<RawArticle> live = new SourcePoller(fetcher).pollOnce(Source.feed("desk", feedUrl));
      assertThat(live).hasSize(2);
      return Map.of(plainLink, live.get(0), canonicalLink, live.get(1));
    }
  }

  private static Map<String, RawArticle> byUrl(List<RawArticle> articles) {
    return articles.stream().collect(Collectors.toMap(RawArticle::url, Function.identity()));
  }

  @Test
  void aPageReplayedFromAWarcFileGetsTheKeyAndIdItGetsLive() throws Exception {
    Map<String, RawArticle> live = ingestLive();
    Path warc = dir.resolve("crawl.warc.gz");
    try (WarcWriter w = new WarcWriter(FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
        WarcCompression.GZIP)) {
      // what a crawler fetching the feed's links would have stored, with the same HTTP content types
      write(w, plainLink, "text/html", plainPage);
      write(w, canonicalLink, "text/html; charset=utf-8", canonicalPage);
    }

    Map<String, RawArticle> replayed = byUrl(ArchiveSource.readAll(List.of(warc)));

    assertThat(replayed).hasSize(2);
    for (String link : List.of(plainLink, canonicalLink)) {
      RawArticle a = live.get(link);
      RawArticle b = replayed.get(link);
      assertThat(a.key()).as("live key of %s is normalised", link).doesNotContain("utm_").doesNotContain("ref=");
      assertThat(b.key()).as(link).isEqualTo(a.key());
      assertThat(Hashing.articleId(b.key())).isEqualTo(Hashing.articleId(a.key()));
      assertThat(b.text()).isEqualTo(a.text());
      assertThat(b.title()).isEqualTo(a.title());
    }
    assertThat(live.get(plainLink).key()).isEqualTo(server.url("/news/rabat-astana"));
    assertThat(live.get(canonicalLink).key()).isEqualTo("http://dala-news.example.kz/kk/visas");
    assertThat(replayed.get(plainLink).text()).as("windows-1252 detected from the page").contains("signé à Rabat");
  }

  @Test
  void aSavedPageInAFolderAndAJsonLineGetTheKeyAndIdTheyGetLive() throws Exception {
    Map<String, RawArticle> live = ingestLive();
    Path folder = Files.createDirectories(dir.resolve("saved"));
    Files.write(folder.resolve("visas.html"), canonicalPage);
    Path jsonl = dir.resolve("archive.jsonl");
    Files.writeString(jsonl, "{\"url\":\"" + plainLink + "\",\"title\":\"Rabat et Astana signent un accord\","
        + "\"text\":\"Le Maroc et le Kazakhstan ont signé un accord.\"}\n");

    List<RawArticle> replayed = ArchiveSource.readAll(List.of(folder, jsonl));

    assertThat(replayed).hasSize(2);
    RawArticle saved = replayed.get(0);
    assertThat(saved.url()).startsWith("file:");
    assertThat(saved.key()).as("the saved page declares its canonical URL").isEqualTo(live.get(canonicalLink).key());
    assertThat(Hashing.articleId(saved.key())).isEqualTo(Hashing.articleId(live.get(canonicalLink).key()));
    assertThat(replayed.get(1).key()).isEqualTo(live.get(plainLink).key());
  }

  private static void write(WarcWriter w, String url, String type, byte[] body) throws Exception {
    HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.parse(type), body).build();
    w.write(new WarcResponse.Builder(URI.create(url)).date(Instant.parse("2026-10-14T08:05:00Z")).body(http).build());
  }
}
