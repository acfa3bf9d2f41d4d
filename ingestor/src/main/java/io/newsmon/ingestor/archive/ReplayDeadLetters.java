package io.newsmon.ingestor.archive;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.ops.NewsmonMetrics;
import io.newsmon.common.record.DeadLetter;
import io.newsmon.common.record.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes the articles a replay could not publish to {@code news.deadletter}: key the article's key
 * (its normalised canonical URL, as on news.raw), value the article's JSON as it would have been on
 * news.raw, so that it can be published again untouched; the reason in the {@code newsmon.dlq.*}
 * headers ({@link DeadLetter}: stage {@code replay}, {@code sourceId} the input it was read from,
 * {@code url}, the error's class and message). When the record is too large for news.deadletter as
 * well, it is written again without the article (the headers still say which one and why). Each
 * write waits for the broker's answer: these are few. The producer is made on the first write.
 */
public final class ReplayDeadLetters implements Replayer.DeadLetters, AutoCloseable {

  /** The stage of a replay's dead letters. */
  public static final String STAGE = "replay";

  private final Supplier<Producer<byte[], byte[]>> factory;
  private Producer<byte[], byte[]> producer;

  /** Dead letters through {@code factory}'s producer, made on the first write and closed here. */
  public ReplayDeadLetters(Supplier<Producer<byte[], byte[]>> factory) {
    this.factory = factory;
  }

  /** Dead letters through a producer of its own named {@code clientId}. */
  public static ReplayDeadLetters create(NewsmonConfig config, String clientId) {
    return new ReplayDeadLetters(() -> new KafkaProducer<>(KafkaClients.producer(config, clientId),
        new ByteArraySerializer(), new ByteArraySerializer()));
  }

  @Override
  public synchronized void write(RawArticle article, String where, int attempts, Exception error) throws Exception {
    if (producer == null) {
      producer = factory.get();
    }
    String reason = "could not publish the article to " + Topics.RAW.name() + " (" + attempts
        + (attempts == 1 ? " send" : " sends") + "): " + (error == null ? "unknown error" : DeadLetter.messageOf(error));
    String errorClass = error == null ? "unknown" : error.getClass().getName();
    byte[] key = article.key() == null ? null : article.key().getBytes(StandardCharsets.UTF_8);
    byte[] value;
    try {
      value = Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), article);
    } catch (RuntimeException e) {
      value = new byte[0];
      reason += " (the article could not be serialised: " + DeadLetter.messageOf(e) + ")";
    }
    try {
      send(key, value, where, article.url(), errorClass, reason);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof RecordTooLargeException) || value.length == 0) {
        throw e;
      }
      send(key, new byte[0], where, article.url(), errorClass, reason + " (the article, " + value.length
          + " bytes, left out: too large for " + Topics.DEADLETTER.name() + ")");
    }
    NewsmonMetrics.deadLetter(STAGE, errorClass);
  }

  private void send(byte[] key, byte[] value, String where, String url, String errorClass, String reason)
      throws Exception {
    DeadLetter dl = new DeadLetter(STAGE, null, -1, -1, where, url, errorClass, reason, Instant.now());
    producer.send(new ProducerRecord<>(Topics.DEADLETTER.name(), null, null, key, value, dl.toHeaders())).get();
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
    }
  }
}
