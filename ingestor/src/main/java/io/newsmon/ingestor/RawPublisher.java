package io.newsmon.ingestor;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.RawArticle;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The one writer of {@code news.raw}, used by live ingest, {@code newsmon replay} and the demo: each
 * article is keyed by {@link RawArticle#key()} (its normalised canonical URL) and timestamped by
 * {@link RawArticles#timestamp} (its publication time, else its fetch time, else now). The producer is
 * idempotent with acks=all ({@link KafkaClients#producer}). Thread-safe, as the producer is.
 */
public final class RawPublisher implements AutoCloseable {

  private final Producer<String, RawArticle> producer;

  public RawPublisher(Producer<String, RawArticle> producer) {
    this.producer = producer;
  }

  /** A publisher with its own Kafka producer named {@code clientId}. */
  public static RawPublisher create(NewsmonConfig config, String clientId) {
    return new RawPublisher(new KafkaProducer<>(KafkaClients.producer(config, clientId),
        Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer()));
  }

  /**
   * Sends one article; {@code done} is called once the broker answered, with null or the error.
   * Throws when the producer refuses the record at once (closed, too large, not serialisable).
   */
  public void publish(RawArticle article, BiConsumer<RawArticle, Exception> done) {
    producer.send(new ProducerRecord<>(Topics.RAW.name(), null,
        RawArticles.timestamp(article, System.currentTimeMillis()), article.key(), article),
        (metadata, error) -> done.accept(article, error));
  }

  /** The Kafka producer behind this publisher, for its metrics. */
  public Producer<String, RawArticle> producer() {
    return producer;
  }

  /** Waits until every article sent so far was answered. */
  public void flush() {
    producer.flush();
  }

  /** Flushes and closes the producer, waiting at most {@code timeout}. */
  public void close(Duration timeout) {
    producer.close(timeout);
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
