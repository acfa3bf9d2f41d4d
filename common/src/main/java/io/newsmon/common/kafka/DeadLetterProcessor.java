package io.newsmon.common.kafka;

import io.newsmon.common.ops.NewsmonMetrics;
import io.newsmon.common.record.DeadLetter;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every Streams application of newsmon turns a failure into its {@code news.deadletter}
 * record: the original key and value bytes, the reason in {@code newsmon.dlq.*} headers
 * ({@link DeadLetter#toHeaders()}); counted and logged once, here. The reason is built by
 * {@link #reason} at the step that failed.
 *
 * @param <K> the key type of the failed records (not used: the original key bytes are written)
 * @param <V> the failure
 */
public final class DeadLetterProcessor<K, V extends DeadLetterProcessor.Failure>
    implements Processor<K, V, byte[], byte[]> {

  /** A record that failed: its original bytes and why. */
  public interface Failure {
    /** The key as it was read, or null. */
    byte[] originalKey();

    /** The value as it was read (what a replay of the dead letter would process again). */
    byte[] originalValue();

    DeadLetter reason();
  }

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessor.class);

  private ProcessorContext<byte[], byte[]> context;

  /**
   * The dead letter of a failure at {@code stage} of the record being processed: its source topic,
   * partition and offset when known, the error's class and message, the stream time's wall clock.
   */
  public static DeadLetter reason(String stage, ProcessorContext<?, ?> context, Throwable error) {
    RecordMetadata m = context.recordMetadata().orElse(null);
    return new DeadLetter(stage, m == null ? null : m.topic(), m == null ? -1 : m.partition(),
        m == null ? -1 : m.offset(), null, null, error.getClass().getName(), DeadLetter.messageOf(error),
        Instant.ofEpochMilli(context.currentSystemTimeMs()));
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<K, V> record) {
    Failure f = record.value();
    DeadLetter dl = f.reason();
    NewsmonMetrics.deadLetter(dl.stage(), dl.errorClass());
    LOG.warn("dead letter at stage {} from {}-{}@{}: {}", dl.stage(), dl.sourceTopic(), dl.partition(), dl.offset(),
        dl.errorMessage());
    context.forward(new Record<>(f.originalKey(), f.originalValue(),
        record.timestamp(), dl.toHeaders()));
  }
}
