package io.newsmon.app.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on 127.0.0.1 that records every alert delivery it accepts (alert id and
 * revision from the {@code X-Newsmon-Alert-*} headers, and the {@code Idempotency-Key}) and can be
 * told to fail (HTTP 503) for a while.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One accepted delivery. */
  record Delivery(String alertId, int revision, String idempotencyKey) {}

  private final HttpServer server;
  /** "alertId#revision" → the idempotency keys it arrived with. */
  private final Map<String, Set<String>> keys = new ConcurrentHashMap<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger withoutKey = new AtomicInteger();
  private volatile boolean failing;

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  static WebhookReceiver start() {
    WebhookReceiver[] receiver = new WebhookReceiver[1];
    HttpServer server = LocalHttp.start(exchange -> receiver[0].handle(exchange), 4, "chaos-webhook");
    receiver[0] = new WebhookReceiver(server);
    return receiver[0];
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  void failing(boolean f) {
    failing = f;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      if (failing) {
        refused.incrementAndGet();
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      String id = exchange.getRequestHeaders().getFirst("X-Newsmon-Alert-Id");
      String rev = exchange.getRequestHeaders().getFirst("X-Newsmon-Alert-Revision");
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      if (key == null) {
        withoutKey.incrementAndGet();
        key = "";
      }
      keys.computeIfAbsent(id + "#" + rev, k -> ConcurrentHashMap.newKeySet()).add(key);
      accepted.incrementAndGet();
      exchange.sendResponseHeaders(204, -1);
    }
  }

  /** Idempotency keys seen per "alertId#revision". */
  Map<String, Set<String>> keys() {
    return keys;
  }

  int accepted() {
    return accepted.get();
  }

  int refused() {
    return refused.get();
  }

  int withoutKey() {
    return withoutKey.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
