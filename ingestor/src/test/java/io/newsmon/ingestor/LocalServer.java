package io.newsmon.ingestor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsmon.ingestor.fetch.FetchSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 (any free port) serving what each test registers, counting hits per path. */
public final class LocalServer implements AutoCloseable {

  /** Answers one request. */
  public interface Handler {
    void handle(HttpExchange ex) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  public LocalServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "local-server");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
      Handler h = routes.get(path);
      try {
        if (h == null) {
          send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
        } else {
          h.handle(ex);
        }
      } catch (IOException e) {
        // client went away (timeouts in tests)
      } finally {
        ex.close();
      }
    });
    server.start();
  }

  public LocalServer route(String path, Handler h) {
    routes.put(path, h);
    return this;
  }

  public LocalServer serve(String path, String contentType, String body) {
    return route(path, ex -> send(ex, 200, contentType, body.getBytes(StandardCharsets.UTF_8)));
  }

  public LocalServer serveBytes(String path, String contentType, byte[] body) {
    return route(path, ex -> send(ex, 200, contentType, body));
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Short limits for tests; 127.0.0.1 allowed; robots honoured; no per-host delay. */
  public static FetchSettings testSettings() {
    return new FetchSettings("newsmon-test/1.0 (+https://example.org/contact)", Duration.ofSeconds(2),
        Duration.ofMillis(1500), Duration.ofSeconds(4), 64 * 1024, 3, List.of("127.0.0.1"), true,
        Duration.ZERO, 4, Duration.ofSeconds(30));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
