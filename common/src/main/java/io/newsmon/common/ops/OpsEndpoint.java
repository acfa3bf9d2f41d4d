package io.newsmon.common.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.newsmon.common.config.HttpSettings;
import io.newsmon.common.config.NewsmonConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint of a running component, on the JDK's own HTTP server
 * ({@code com.sun.net.httpserver}): {@code /metrics} (Prometheus text format),
 * {@code /health/live} (200 while the process serves) and {@code /health/ready} (200 when every
 * readiness check passes, else 503 with the failing checks), plus whatever routes the command adds
 * (the alerts page of {@code run} and {@code demo}).
 *
 * <p>Settings: {@code http.port} (-1: no endpoint; 0: any free port) and {@code http.host}. A
 * disabled endpoint accepts checks and routes and ignores them, so callers need no null checks.
 */
public final class OpsEndpoint implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OpsEndpoint.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final String component;
  private final Map<String, Supplier<String>> checks = new LinkedHashMap<>();

  private OpsEndpoint(HttpServer server, ExecutorService executor, String component) {
    this.server = server;
    this.executor = executor;
    this.component = component;
  }

  /**
   * Starts the endpoint of {@code component} as configured ({@code http.port}, {@code http.host}).
   *
   * @throws IllegalStateException when the port is taken
   */
  public static OpsEndpoint start(NewsmonConfig config, String component) {
    int port = config.get(HttpSettings.PORT);
    if (port < 0) {
      return new OpsEndpoint(null, null, component);
    }
    String host = config.get(HttpSettings.HOST);
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 64);
    } catch (BindException e) {
      throw new IllegalStateException("cannot serve HTTP on " + host + ":" + port + " (" + e.getMessage()
          + "): set http.port to a free port, 0 for any, or -1 for none (e.g. --set http.port=0)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve HTTP on " + host + ":" + port, e);
    }
    ExecutorService executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "newsmon-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    OpsEndpoint endpoint = new OpsEndpoint(server, executor, component);
    server.createContext("/metrics", ex -> endpoint.respond(ex, 200,
        "text/plain; version=0.0.4; charset=utf-8", NewsmonMetrics.scrape()));
    server.createContext("/health/live", ex -> endpoint.respond(ex, 200, "application/json",
        "{\"status\":\"UP\",\"component\":\"" + component + "\"}"));
    server.createContext("/health/ready", endpoint::ready);
    server.start();
    LOG.info("{}: HTTP endpoint on {} (/metrics, /health/live, /health/ready)", component, endpoint.url());
    return endpoint;
  }

  /** Whether an HTTP server is running (false with {@code http.port=-1}). */
  public boolean enabled() {
    return server != null;
  }

  /** The bound port, or -1 when disabled. */
  public int port() {
    return server == null ? -1 : server.getAddress().getPort();
  }

  /** The base URL ({@code http://host:port/}), or null when disabled. 0.0.0.0 is shown as 127.0.0.1. */
  public String url() {
    if (server == null) {
      return null;
    }
    String host = server.getAddress().getHostString();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
      host = "127.0.0.1";
    }
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
  }

  /**
   * Adds a readiness check: the supplier returns null when ready, else why not. Checks run on each
   * {@code /health/ready} request and must be quick.
   */
  public synchronized OpsEndpoint readiness(String name, Supplier<String> check) {
    checks.put(name, check);
    return this;
  }

  /** Serves {@code path} (and everything under it) with {@code handler}. */
  public OpsEndpoint route(String path, HttpHandler handler) {
    if (server != null) {
      server.createContext(path, handler);
    }
    return this;
  }

  /** The readiness checks' verdicts: name to null (ready) or the reason. */
  public synchronized Map<String, String> readiness() {
    Map<String, String> out = new LinkedHashMap<>();
    if (checks.isEmpty()) {
      out.put("components", "nothing started yet");
    }
    checks.forEach((name, check) -> {
      String why;
      try {
        why = check.get();
      } catch (RuntimeException e) {
        why = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      out.put(name, why);
    });
    return out;
  }

  private void ready(HttpExchange ex) throws IOException {
    Map<String, String> verdicts = readiness();
    boolean up = verdicts.values().stream().allMatch(v -> v == null);
    StringBuilder sb = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN")
        .append("\",\"component\":\"").append(component).append("\",\"checks\":{");
    boolean first = true;
    for (Map.Entry<String, String> e : verdicts.entrySet()) {
      sb.append(first ? "" : ",").append('"').append(jsonEscape(e.getKey())).append("\":\"")
          .append(e.getValue() == null ? "ok" : jsonEscape(e.getValue())).append('"');
      first = false;
    }
    sb.append("}}");
    respond(ex, up ? 200 : 503, "application/json", sb.toString());
  }

  static String jsonEscape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return sb.toString();
  }

  /** Sends a complete response with a body; HEAD gets the headers only. */
  public static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    respond(ex, status, contentType, bytes);
  }

  /** Sends a complete response with a body; HEAD gets the headers only. */
  public static void respond(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
    try (ex) {
      ex.getResponseHeaders().set("Content-Type", contentType);
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      boolean head = ex.getRequestMethod().equals("HEAD");
      ex.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
      if (!head && bytes.length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      for (Supplier<String> check : checks.values()) {
        if (check instanceof AutoCloseable c) {
          try {
            c.close();
          } catch (Exception e) {
            LOG.debug("closing a readiness check: {}", e.toString());
          }
        }
      }
    }
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
