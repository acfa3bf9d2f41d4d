package io.newsmon.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's news site: a local HTTP server on 127.0.0.1 serving the bundled sample feed
 * ({@code /feed.xml}), its article pages ({@code /articles/NAME.html}) and a robots.txt, so the demo
 * exercises real HTTP fetching without the internet. {@code {{BASE}}} in the files becomes the
 * server's own address.
 */
public final class DemoSite implements AutoCloseable {

  private static final String ROOT = "/demo/site/";

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  private DemoSite(HttpServer server) {
    this.server = server;
  }

  /** Starts the site on 127.0.0.1; {@code port} 0 picks a free port. */
  public static DemoSite start(int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      DemoSite site = new DemoSite(server);
      server.createContext("/", site::handle);
      server.setExecutor(Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "demo-site");
        t.setDaemon(true);
        return t;
      }));
      server.start();
      return site;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo site on 127.0.0.1:" + port, e);
    }
  }

  /** The site's base URL, such as {@code http://127.0.0.1:43125}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String feedUrl() {
    return baseUrl() + "/feed.xml";
  }

  /** How many requests the site has answered. */
  public int requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String resource = resourceFor(path);
      byte[] body = resource == null ? null : load(resource);
      if (body == null) {
        byte[] msg = "not found\n".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(404, msg.length);
        exchange.getResponseBody().write(msg);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", contentType(resource));
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static String resourceFor(String path) {
    if (path.equals("/feed.xml") || path.equals("/robots.txt")) {
      return path.substring(1);
    }
    if (path.startsWith("/articles/") && path.matches("/articles/[a-z0-9-]+\\.html")) {
      return path.substring("/articles/".length());
    }
    return null;
  }

  private byte[] load(String name) throws IOException {
    try (InputStream in = DemoSite.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        return null;
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replace("{{BASE}}", baseUrl()).getBytes(StandardCharsets.UTF_8);
    }
  }

  private static String contentType(String name) {
    if (name.endsWith(".xml")) {
      return "application/rss+xml; charset=utf-8";
    }
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    return "text/plain; charset=utf-8";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
