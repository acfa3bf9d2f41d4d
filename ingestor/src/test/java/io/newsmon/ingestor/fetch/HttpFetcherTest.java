package io.newsmon.ingestor.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.ingestor.LocalServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {

  private LocalServer server;
  private final CountDownLatch stalled = new CountDownLatch(1);
  private HttpFetcher fetcher;

  @BeforeEach
  void setUp() throws Exception {
    server = new LocalServer();
    fetcher = new HttpFetcher(LocalServer.testSettings());
  }

  @AfterEach
  void tearDown() {
    stalled.countDown();
    server.close();
  }

  private static FetchSettings withAllowHosts(List<String> hosts) {
    FetchSettings s = LocalServer.testSettings();
    return new FetchSettings(s.userAgent(), s.connectTimeout(), s.readTimeout(), s.totalTimeout(), s.maxBytes(),
        s.maxRedirects(), hosts, s.robots(), s.hostDelay(), s.hostConcurrency(), s.maxRetryAfter());
  }

  @Test
  void loopbackPrivateAndMetadataAddressesAreRefusedByDefault() {
    server.serve("/feed", "text/plain", "hello");
    HttpFetcher strict = new HttpFetcher(withAllowHosts(List.of()));
    for (String url : List.of(server.url("/feed"), "http://localhost:1/x", "http://10.1.2.3/x",
        "http://192.168.0.10/x", "http://169.254.169.254/latest/meta-data/", "http://[::1]/x", "http://0.0.0.0/x")) {
      assertThatThrownBy(() -> strict.fetch(url)).isInstanceOf(FetchException.class)
          .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("blocked-address"))
          .hasMessageContaining("ingestor.allow-hosts");
    }
    assertThat(server.hits("/feed")).isZero();
    assertThatThrownBy(() -> strict.fetch("file:///etc/passwd"))
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("bad-url"));
  }

  @Test
  void allowListLetsTheLocalServerThroughAndSendsTheUserAgent() throws Exception {
    String[] ua = new String[1];
    server.route("/ua", ex -> {
      ua[0] = ex.getRequestHeaders().getFirst("User-Agent");
      LocalServer.send(ex, 200, "text/plain; charset=utf-8", "Қазақстан".getBytes(StandardCharsets.UTF_8));
    });
    FetchResult r = fetcher.fetch(server.url("/ua"));
    assertThat(r.text()).isEqualTo("Қазақстан");
    assertThat(ua[0]).startsWith("newsmon-test/1.0").contains("https://example.org/contact");
  }

  @Test
  void redirectToAPrivateAddressIsRefusedAtTheHop() {
    server.route("/jump", ex -> {
      ex.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
      LocalServer.send(ex, 302, null, new byte[0]);
    });
    assertThatThrownBy(() -> fetcher.fetch(server.url("/jump")))
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("blocked-address"));
  }

  @Test
  void robotsTxtDisallowIsHonoured() {
    server.serve("/robots.txt", "text/plain", "User-agent: newsmon-test\nDisallow: /private/\n\nUser-agent: *\nDisallow:\n");
    server.serve("/private/page.html", "text/html", "<p>secret</p>");
    server.serve("/public/page.html", "text/html", "<p>public</p>");
    assertThatThrownBy(() -> fetcher.fetch(server.url("/private/page.html")))
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("robots-disallowed"));
    assertThat(server.hits("/private/page.html")).isZero();
    org.assertj.core.api.Assertions.assertThatCode(() -> fetcher.fetch(server.url("/public/page.html"))).doesNotThrowAnyException();
    assertThat(server.hits("/robots.txt")).isEqualTo(1); // cached
  }

  @Test
  void tooManyRequestsWithRetryAfterBacksOffTheHost() {
    server.route("/busy", ex -> {
      ex.getResponseHeaders().set("Retry-After", "20");
      LocalServer.send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
    });
    server.serve("/other", "text/plain", "fine");
    // robots.txt is not what this test is about: without it, a slow first answer on a loaded machine
    // cannot close the host before the 429 is seen
    FetchSettings s = LocalServer.testSettings();
    HttpFetcher fetcher = new HttpFetcher(new FetchSettings(s.userAgent(), s.connectTimeout(), s.readTimeout(),
        s.totalTimeout(), s.maxBytes(), s.maxRedirects(), s.allowHosts(), false, s.hostDelay(), s.hostConcurrency(),
        s.maxRetryAfter()));
    assertThatThrownBy(() -> fetcher.fetch(server.url("/busy")))
        .satisfies(e -> {
          FetchException fe = (FetchException) e;
          assertThat(fe.code()).isEqualTo("http-429");
          assertThat(fe.retryAfter()).isEqualTo(Duration.ofSeconds(20));
          assertThat(new String(fe.body(), StandardCharsets.UTF_8)).isEqualTo("slow down");
        });
    // the host is left alone until the Retry-After passes
    assertThatThrownBy(() -> fetcher.fetch(server.url("/other")))
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("backing-off"));
    assertThat(server.hits("/other")).isZero();
  }

  @Test
  void retryAfterIsCappedAndReadAsDate() {
    assertThat(fetcher.retryAfter("999999")).isEqualTo(Duration.ofSeconds(30));
    assertThat(fetcher.retryAfter(null)).isEqualTo(Duration.ofSeconds(30)); // default 60 s, capped at 30 s in tests
    assertThat(fetcher.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
  }

  @Test
  void redirectLoopAndTooManyRedirectsFail() {
    server.route("/a", ex -> { ex.getResponseHeaders().set("Location", "/b"); LocalServer.send(ex, 301, null, new byte[0]); });
    server.route("/b", ex -> { ex.getResponseHeaders().set("Location", "/a"); LocalServer.send(ex, 302, null, new byte[0]); });
    assertThatThrownBy(() -> fetcher.fetch(server.url("/a")))
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("redirect-loop"));
    for (int i = 0; i < 6; i++) {
      int next = i + 1;
      server.route("/r" + i, ex -> { ex.getResponseHeaders().set("Location", "/r" + next); LocalServer.send(ex, 307, null, new byte[0]); });
    }
    assertThatThrownBy(() -> fetcher.fetch(server.url("/r0")))
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("too-many-redirects"));
  }

  @Test
  void redirectsAreFollowedToTheFinalUrl() throws Exception {
    server.route("/old", ex -> { ex.getResponseHeaders().set("Location", "/new"); LocalServer.send(ex, 301, null, new byte[0]); });
    server.serve("/new", "text/plain", "moved here");
    FetchResult r = fetcher.fetch(server.url("/old"));
    assertThat(r.finalUrl()).endsWith("/new");
    assertThat(r.text()).isEqualTo("moved here");
  }

  @Test
  void oversizeBodiesAreCutOffDeclaredOrStreamed() {
    byte[] big = new byte[200 * 1024];
    server.serveBytes("/big", "text/plain", big);
    server.route("/chunked", ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/plain");
      ex.sendResponseHeaders(200, 0); // chunked: no length declared
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 50; i++) {
          out.write(new byte[8192]);
        }
      }
    });
    assertThatThrownBy(() -> fetcher.fetch(server.url("/big")))
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("too-large"));
    assertThatThrownBy(() -> fetcher.fetch(server.url("/chunked")))
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("too-large"));
  }

  @Test
  void gzipBombIsBoundedByTheCap() throws Exception {
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(z)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 20; i++) {
        gz.write(zeros); // 20 MB of zeros, a few KB on the wire
      }
    }
    byte[] bomb = z.toByteArray();
    assertThat(bomb.length).isLessThan(64 * 1024);
    server.route("/bomb", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      LocalServer.send(ex, 200, "application/xml", bomb);
    });
    assertThatThrownBy(() -> fetcher.fetch(server.url("/bomb")))
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("too-large"));
  }

  @Test
  void gzipBodiesAreInflated() throws Exception {
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(z)) {
      gz.write("<rss>Москва — Астана</rss>".getBytes(StandardCharsets.UTF_8));
    }
    server.route("/gz", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      LocalServer.send(ex, 200, "application/rss+xml; charset=utf-8", z.toByteArray());
    });
    assertThat(fetcher.fetch(server.url("/gz")).text()).isEqualTo("<rss>Москва — Астана</rss>");
  }

  @Test
  void slowDripServerIsCutOffByTheReadTimeout() {
    server.route("/drip", ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/plain");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      out.write('a');
      out.flush();
      try {
        stalled.await(5, TimeUnit.SECONDS); // server side: a stalled body, released when the test ends
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> fetcher.fetch(server.url("/drip")))
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("timeout"));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void trickleThatNeverStallsIsCutOffByTheTotalTimeout() {
    server.route("/trickle", ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/plain");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      try {
        for (int i = 0; i < 100; i++) {
          out.write('x');
          out.flush();
          // server side: a byte every 200 ms (under the 1.5 s read timeout) until the test ends
          if (stalled.await(200, TimeUnit.MILLISECONDS)) {
            break;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> fetcher.fetch(server.url("/trickle")))
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("timeout"))
        .hasMessageContaining("ingestor.total-timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void conditionalGetSendsValidatorsAndReports304() throws Exception {
    server.route("/cond", ex -> {
      String inm = ex.getRequestHeaders().getFirst("If-None-Match");
      if ("\"v1\"".equals(inm)) {
        LocalServer.send(ex, 304, null, new byte[0]);
        return;
      }
      ex.getResponseHeaders().set("ETag", "\"v1\"");
      ex.getResponseHeaders().set("Last-Modified", "Tue, 04 Mar 2025 09:30:00 GMT");
      LocalServer.send(ex, 200, "text/plain", "body".getBytes(StandardCharsets.UTF_8));
    });
    FetchResult first = fetcher.fetch(server.url("/cond"));
    assertThat(first.notModified()).isFalse();
    assertThat(first.validators()).isEqualTo(new Validators("\"v1\"", "Tue, 04 Mar 2025 09:30:00 GMT"));
    FetchResult second = fetcher.fetch(server.url("/cond"), first.validators());
    assertThat(second.notModified()).isTrue();
    assertThat(second.body()).isEmpty();
  }

  @Test
  void httpErrorsCarryTheirStatus() {
    assertThatThrownBy(() -> fetcher.fetch(server.url("/missing")))
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("http-404"));
  }
}
