package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.TopicAdmin;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.DeadLetter;
import io.newsmon.ingestor.IngestorService;
import io.newsmon.ingestor.source.Source;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * An article too large for news.raw (a 9 MB page of text, under the 10 MB fetch cap but over the
 * topic's 8 MB record limit) is not lost silently: it becomes a dead letter naming its URL.
 */
class OversizeArticleIT {

  @Test
  void anArticleTooLargeToPublishBecomesADeadLetter() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    String paragraph = "<p>" + "Morocco and Kazakhstan discussed trade and wheat shipments. ".repeat(40) + "</p>\n";
    byte[] page = ("<html lang=\"en\"><head><title>Huge</title></head><body><article><h1>Huge</h1>"
        + paragraph.repeat(9 * 1024 * 1024 / paragraph.length()) + "</article></body></html>")
        .getBytes(StandardCharsets.UTF_8);
    byte[] feed = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>" + base
        + "/</link><description>d</description><item><title>Huge</title><link>" + base
        + "/huge.html</link><guid>huge</guid></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
    server.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      byte[] body = path.equals("/feed.xml") ? feed : path.equals("/huge.html") ? page : null;
      if (body == null) {
        ex.sendResponseHeaders(404, -1);
      } else {
        ex.getResponseHeaders().set("Content-Type", path.endsWith(".xml") ? "application/rss+xml" : "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(body);
        }
      }
      ex.close();
    });
    server.start();
    try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
      NewsmonConfig config = NewsmonConfig.defaults()
          .with("bootstrap.servers", kafka.bootstrapServers())
          .with("ingestor.allow-hosts", "127.0.0.1")
          .with("ingestor.host-delay", "0s");
      TopicAdmin.ensure(config, Topics.fixed());
      try (IngestorService ingestor = new IngestorService(config, List.of(Source.feed("huge", base + "/feed.xml")))) {
        ingestor.start();
        List<ConsumerRecord<byte[], byte[]>> dead = TopicReader.readUntil(kafka.bootstrapServers(),
            Topics.DEADLETTER, r -> !r.isEmpty(), Duration.ofSeconds(90));
        assertThat(dead).isNotEmpty();
        DeadLetter reason = DeadLetter.fromHeaders(dead.get(0).headers());
        assertThat(reason.stage()).isEqualTo("ingest");
        assertThat(reason.sourceId()).isEqualTo("huge");
        assertThat(reason.url()).isEqualTo(base + "/huge.html");
        assertThat(reason.errorMessage()).contains(Topics.RAW.name());
        assertThat(ingestor.publishedCount()).isZero();
      }
    } finally {
      server.stop(0);
    }
  }
}
