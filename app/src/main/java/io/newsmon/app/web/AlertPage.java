package io.newsmon.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.newsmon.common.ops.OpsEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The live alerts page on an {@link OpsEndpoint}: {@code /} (static HTML, JavaScript and CSS from
 * the jar), {@code /api/alerts?watch=&language=&since=&limit=}, {@code /api/stories/{id}},
 * {@code /api/chart?watch=&language=}, {@code /api/deadletters}, {@code /api/facets} and
 * {@code /api/events} (server-sent events: {@code alert}, {@code article}, {@code deadletter}).
 */
public final class AlertPage {

  private static final String ASSETS = "/io/newsmon/app/web/";
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8", "svg", "image/svg+xml");
  private static final int MAX_LIMIT = 500;
  private static final long KEEPALIVE_SECONDS = 15;

  private final AlertBoard board;

  private AlertPage(AlertBoard board) {
    this.board = board;
  }

  /** Adds the page's routes to {@code endpoint}. */
  public static void serve(OpsEndpoint endpoint, AlertBoard board) {
    AlertPage page = new AlertPage(board);
    endpoint.route("/", page::asset)
        .route("/api/alerts", ex -> {
          try {
            page.json(ex, board.alerts(param(ex, "watch"), param(ex, "language"), instant(param(ex, "since")),
                limit(param(ex, "limit"))));
          } catch (IllegalArgumentException e) {
            OpsEndpoint.respond(ex, 400, "application/json",
                "{\"error\":\"" + e.getMessage().replace("\"", "'") + "\"}");
          }
        })
        .route("/api/stories/", page::story)
        .route("/api/chart", ex -> page.json(ex, board.chart(param(ex, "watch"), param(ex, "language"))))
        .route("/api/deadletters", ex -> page.json(ex, board.deadLetters()))
        .route("/api/facets", ex -> page.json(ex, board.facets()))
        .route("/api/events", page::events);
  }

  private void asset(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    if (path.equals("/")) {
      path = "/index.html";
    }
    String name = path.substring(1);
    if (!name.matches("[a-z0-9-]+\\.(html|js|css|svg)")) {
      OpsEndpoint.respond(ex, 404, "text/plain; charset=utf-8", "not found\n");
      return;
    }
    try (InputStream in = AlertPage.class.getResourceAsStream(ASSETS + name)) {
      if (in == null) {
        OpsEndpoint.respond(ex, 404, "text/plain; charset=utf-8", "not found\n");
        return;
      }
      OpsEndpoint.respond(ex, 200, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), in.readAllBytes());
    }
  }

  private void story(HttpExchange ex) throws IOException {
    String id = ex.getRequestURI().getPath().substring("/api/stories/".length());
    JsonNode story = id.isEmpty() ? null : board.storyView(id);
    if (story == null) {
      OpsEndpoint.respond(ex, 404, "application/json", "{\"error\":\"no such story\"}");
    } else {
      json(ex, story);
    }
  }

  private void json(HttpExchange ex, JsonNode body) throws IOException {
    OpsEndpoint.respond(ex, 200, "application/json; charset=utf-8", body.toString());
  }

  private void events(HttpExchange ex) throws IOException {
    BlockingQueue<String> queue = new LinkedBlockingQueue<>(10_000);
    Consumer<String> listener = queue::offer;
    board.listen(listener);
    try (ex) {
      ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      out.write("retry: 2000\n: connected\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (!Thread.currentThread().isInterrupted()) {
        String message = queue.poll(KEEPALIVE_SECONDS, TimeUnit.SECONDS);
        out.write((message == null ? ": keep-alive\n\n" : message).getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the browser went away
    } finally {
      board.unlisten(listener);
    }
  }

  static String param(HttpExchange ex, String name) {
    String query = ex.getRequestURI().getRawQuery();
    if (query == null) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.putIfAbsent(k, v);
    }
    String v = params.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  static Instant instant(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("since must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
    }
  }

  static int limit(String s) {
    if (s == null) {
      return 50;
    }
    try {
      return Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(s)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit must be a number");
    }
  }
}
