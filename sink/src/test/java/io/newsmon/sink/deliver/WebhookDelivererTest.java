package io.newsmon.sink.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.record.Alert;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookDelivererTest {

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private final List<String> keys = new CopyOnWriteArrayList<>();
  private final List<Duration> waits = new ArrayList<>();

  /** A receiver on 127.0.0.1 answering {@code failures} times with {@code failStatus}, then 200. */
  private URI receiver(int failures, int failStatus) throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int n = requests.incrementAndGet();
      keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
      int status = n <= failures ? failStatus : 200;
      if (status == 200) {
        accepted.add(new String(body, StandardCharsets.UTF_8));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  private WebhookDeliverer deliverer(URI url, int attempts) {
    return new WebhookDeliverer(url, attempts, Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(5),
        waits::add); // back-off recorded, not waited: the receiver does not care about time
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void failsTwiceThenSucceedsAndIsDeliveredExactlyOnce() throws Exception {
    URI url = receiver(2, 503);
    Alert alert = TestAlerts.alert("al-1", 1, 0);
    assertThat(deliverer(url, 5).deliver(alert)).isEqualTo(AlertDeliverer.Result.DELIVERED);
    assertThat(requests.get()).isEqualTo(3);
    assertThat(accepted).hasSize(1);
    JsonNode body = Json.mapper().readTree(accepted.get(0));
    assertThat(body.get("alertId").asText()).isEqualTo("al-1");
    assertThat(body.get("revision").asInt()).isEqualTo(1);
    assertThat(body.get("text").asText()).startsWith("newsmon alert: ")
        .contains("Le Kazakhstan soutient").contains("https://le360.ma/al-1");
    assertThat(waits).as("exponential back-off, capped").containsExactly(Duration.ofMillis(20), Duration.ofMillis(40));
  }

  @Test
  void everyAttemptCarriesOneIdempotencyKeyPerAlertRevision() throws Exception {
    URI url = receiver(2, 503);
    WebhookDeliverer d = deliverer(url, 5);
    assertThat(d.deliver(TestAlerts.alert("al-7", 1, 0))).isEqualTo(AlertDeliverer.Result.DELIVERED);
    assertThat(d.deliver(TestAlerts.alert("al-7", 1, 0))).isEqualTo(AlertDeliverer.Result.DELIVERED);
    assertThat(d.deliver(TestAlerts.alert("al-7", 2, 1))).isEqualTo(AlertDeliverer.Result.DELIVERED);
    assertThat(d.deliver(TestAlerts.alert("al-8", 1, 0))).isEqualTo(AlertDeliverer.Result.DELIVERED);
    // three attempts of the first delivery and its redelivery share a key; a new revision or alert gets another
    assertThat(keys.subList(0, 4)).hasSize(4).containsOnly(keys.get(0));
    assertThat(keys.get(4)).isNotEqualTo(keys.get(0));
    assertThat(keys.get(5)).isNotIn(keys.get(0), keys.get(4));
    assertThat(keys).doesNotContain("null");
  }

  @Test
  void backOffIsCappedAtTheMaximum() throws Exception {
    URI url = receiver(3, 500);
    assertThat(deliverer(url, 4).deliver(TestAlerts.alert("al-2", 1, 0))).isEqualTo(AlertDeliverer.Result.DELIVERED);
    assertThat(waits).containsExactly(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(50));
  }

  @Test
  void reportsFailureAfterTheLastAttemptWithoutDelivering() throws Exception {
    URI url = receiver(100, 500);
    assertThat(deliverer(url, 3).deliver(TestAlerts.alert("al-3", 1, 0))).isEqualTo(AlertDeliverer.Result.FAILED);
    assertThat(requests.get()).isEqualTo(3);
    assertThat(accepted).isEmpty();
  }

  @Test
  void aRefusedPayloadIsRejectedAtOnce() throws Exception {
    URI url = receiver(100, 400);
    assertThat(deliverer(url, 5).deliver(TestAlerts.alert("al-4", 1, 0))).isEqualTo(AlertDeliverer.Result.REJECTED);
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void connectionRefusedIsAFailureNotAnException() throws Exception {
    URI url = receiver(0, 200);
    server.stop(0);
    server = null;
    assertThat(deliverer(url, 2).deliver(TestAlerts.alert("al-5", 1, 0))).isEqualTo(AlertDeliverer.Result.FAILED);
  }

  @Test
  void updatedAlertsSayWhatChanged() {
    String body = WebhookDeliverer.payload(TestAlerts.alert("al-6", 3, 2));
    assertThat(body).contains("\"text\":\"newsmon alert (updated): ").contains("updated (copies: 2)");
  }

  @Test
  void textOnlyFormatForStrictReceivers() throws Exception {
    String body = WebhookDeliverer.payload(TestAlerts.alert("al-7", 1, 0), true);
    JsonNode node = Json.mapper().readTree(body);
    assertThat(node.size()).isEqualTo(1);
    assertThat(node.get("text").asText()).contains("https://le360.ma/al-7");
    assertThatThrownBy(() -> WebhookDeliverer.from(NewsmonConfig.defaults()
        .with(Map.of("sink.webhook.url", "http://127.0.0.1:1/x", "sink.webhook.format", "xml"))))
        .hasMessageContaining("sink.webhook.format").hasMessageContaining("alert").hasMessageContaining("text");
  }

  @Test
  void configuration() {
    assertThat(WebhookDeliverer.from(NewsmonConfig.defaults())).as("no webhook by default").isNull();
    assertThat(WebhookDeliverer.from(NewsmonConfig.defaults().with("sink.webhook.url", "http://127.0.0.1:1/x")))
        .isNotNull();
    assertThatThrownBy(() -> WebhookDeliverer.from(NewsmonConfig.defaults().with("sink.webhook.url", "ftp://x/y")))
        .hasMessageContaining("sink.webhook.url").hasMessageContaining("http");
  }
}
