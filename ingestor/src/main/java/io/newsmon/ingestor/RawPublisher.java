package io.newsmon.ingestor;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.SendWindow;
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
 * idempotent with acks=all ({@link KafkaClients#producer}). At most {@link #WINDOW} articles wait for
 * the broker's answer at a time ({@link SendWindow}): a replay of a large archive used to fill the
 * producer's whole buffer, and the articles at its end expired (delivery.timeout.ms) before they were
 * sent. Thread-safe, as the producer is.
 */
public final class RawPublisher implements AutoCloseable {

  /** Most articles sent and not yet answered (about 5 MB of 3 KB articles). */
  public static final int WINDOW = 1000;

  private final Producer<String, RawArticle> producer;
  private final SendWindow window = new SendWindow(WINDOW);

  public RawPublisher(Producer<String, RawArticle> producer) {
    this.producer = producer;
  }

  /** A publisher with its own Kafka producer named {@code clientId}. */
  public static RawPublisher create(NewsmonConfig config, String clientId) {
    return new RawPublisher(new KafkaProducer<>(KafkaClients.producer(config, clientId),
        Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer()));
  }

  /**
   * Sends one article, first waiting while {@link #WINDOW} sends are unanswered; {@code done} is
   * called once the broker answered, with null or the error. Throws when the producer refuses the
   * record at once (closed, too large, not serialisable).
   */
  public void publish(RawArticle article, BiConsumer<RawArticle, Exception> done) {
    publish(article, null, done);
  }

  /**
   * {@link #publish(RawArticle, BiConsumer)} to a given partition of {@code news.raw}; null: the
   * partition of the article's key.
   */
  public void publish(RawArticle article, Integer partition, BiConsumer<RawArticle, Exception> done) {
    window.send(producer, new ProducerRecord<>(Topics.RAW.name(), partition,
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
