package io.newsmon.app.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsmon.common.record.RawArticle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A news site on 127.0.0.1 for the fault program: an RSS feed ({@code /feed.xml}) listing the
 * articles released so far, newest first, and each article's page ({@code /a/N.html}). The program
 * releases articles over time and switches the site between answering normally, with HTTP 500, with
 * HTTP 429 and a Retry-After, and slowly.
 */
final class ChaosSite implements AutoCloseable {

  /** How the site answers. */
  enum Mode { OK, ERROR_500, TOO_MANY_REQUESTS, SLOW }

  private static final int FEED_ITEMS = 10_000;

  private final HttpServer server;
  private final List<RawArticle> articles;
  private final AtomicInteger released = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile Mode mode = Mode.OK;
  private volatile int retryAfterSeconds = 5;
  private volatile long slowMillis = 3000;

  private ChaosSite(HttpServer server, List<RawArticle> articles) {
    this.server = server;
    this.articles = articles;
  }

  /** Serves {@code articles} (title, text and publication time are used; URLs are the site's). */
  static ChaosSite start(List<RawArticle> articles) {
    ChaosSite[] site = new ChaosSite[1];
    HttpServer server = LocalHttp.start(exchange -> site[0].handle(exchange), 8, "chaos-site");
    site[0] = new ChaosSite(server, articles);
    return site[0];
  }

  String feedUrl() {
    return base() + "/feed.xml";
  }

  /** The URL of article {@code i}. */
  String articleUrl(int i) {
    return base() + "/a/" + i + ".html";
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Makes the next article visible in the feed; returns its index, or -1 when all are out. */
  int releaseNext() {
    int i = released.get();
    if (i >= articles.size()) {
      return -1;
    }
    released.incrementAndGet();
    return i;
  }

  /** Back to nothing released and answering normally, for a second run over the same site. */
  void reset() {
    released.set(0);
    mode = Mode.OK;
  }

  int released() {
    return released.get();
  }

  int size() {
    return articles.size();
  }

  void mode(Mode m) {
    mode = m;
  }

  void retryAfterSeconds(int s) {
    retryAfterSeconds = s;
  }

  void slowMillis(long ms) {
    slowMillis = ms;
  }

  int requests() {
    return requests.get();
  }

  /** Requests answered with an error (500 or 429). */
  int refused() {
    return refused.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      Mode m = mode;
      if (m == Mode.ERROR_500 || m == Mode.TOO_MANY_REQUESTS) {
        refused.incrementAndGet();
        if (m == Mode.TOO_MANY_REQUESTS) {
          exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
        }
        send(exchange, m == Mode.ERROR_500 ? 500 : 429, "text/plain", "try later\n");
        return;
      }
      if (m == Mode.SLOW) {
        try {
          Thread.sleep(slowMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/robots.txt")) {
        send(exchange, 200, "text/plain", "User-agent: *\nAllow: /\n");
      } else if (path.equals("/feed.xml")) {
        send(exchange, 200, "application/rss+xml; charset=utf-8", feed());
      } else if (path.matches("/a/\\d{1,6}\\.html")) {
        int i = Integer.parseInt(path.substring(3, path.length() - 5));
        if (i < released.get()) {
          send(exchange, 200, "text/html; charset=utf-8", page(articles.get(i)));
        } else {
          send(exchange, 404, "text/plain", "not found\n");
        }
      } else {
        send(exchange, 404, "text/plain", "not found\n");
      }
    }
  }

  private String feed() {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<rss version=\"2.0\"><channel><title>Local desk</title><link>" + base() + "/</link>"
        + "<description>articles for the fault program</description>\n");
    int n = released.get();
    for (int i = n - 1; i >= Math.max(0, n - FEED_ITEMS); i--) {
      RawArticle a = articles.get(i);
      sb.append("<item><title>").append(escape(a.title())).append("</title><link>").append(articleUrl(i))
          .append("</link><guid>").append(articleUrl(i)).append("</guid><pubDate>")
          .append(rfc1123(a.publishedAt())).append("</pubDate></item>\n");
    }
    return sb.append("</channel></rss>\n").toString();
  }

  private static String page(RawArticle a) {
    StringBuilder sb = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
        .append(escape(a.title())).append("</title><meta property=\"article:published_time\" content=\"")
        .append(a.publishedAt()).append("\"></head><body><nav><a href=\"/\">Home</a></nav><article><h1>")
        .append(escape(a.title())).append("</h1>");
    for (String para : a.text().split("\n\n")) {
      sb.append("<p>").append(escape(para.strip())).append("</p>");
    }
    return sb.append("</article><footer>Local desk</footer></body></html>").toString();
  }

  private static String rfc1123(Instant t) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT).withZone(java.time.ZoneOffset.UTC).format(t);
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
