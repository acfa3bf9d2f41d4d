package io.newsmon.processor.stream;

import io.newsmon.common.ops.NewsmonMetrics;
import io.newsmon.common.kafka.DeadLetterProcessor;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import io.newsmon.processor.ArticleAnalyzer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Parses a raw record (bytes) and analyses the article. Records that cannot be parsed, lack a URL,
 * exceed the size limit or make the analysis fail come out {@link Failed} with their original bytes
 * and the reason (stage {@code parse} or {@code analyze}); the stream goes on.
 */
final class AnalyzeProcessor implements Processor<byte[], byte[], String, Outcome> {

  private static final JsonSerde<RawArticle> RAW = JsonSerde.of(RawArticle.class);

  private final ArticleAnalyzer analyzer;
  private final long maxChars;
  private ProcessorContext<String, Outcome> context;

  AnalyzeProcessor(ArticleAnalyzer analyzer, long maxChars) {
    this.analyzer = analyzer;
    this.maxChars = maxChars;
  }

  @Override
  public void init(ProcessorContext<String, Outcome> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    RawArticle raw;
    String id;
    try {
      if (record.value() == null) {
        throw new IllegalArgumentException("empty record (null value) on the raw topic");
      }
      raw = RAW.fromBytes(record.value());
      if (raw.key() == null || raw.key().isBlank()) {
        throw new IllegalArgumentException("raw article has neither url nor canonicalUrl");
      }
      long chars = length(raw.title()) + length(raw.summary()) + length(raw.text());
      if (chars > maxChars) {
        throw new OversizeException(chars, maxChars);
      }
      id = Hashing.articleId(raw.key());
    } catch (RuntimeException e) {
      fail(record, "parse", e);
      return;
    }
    ArticleAnalyzer.Analyzed analyzed;
    Analysed value;
    try {
      analyzed = analyzer.analyzeWithFingerprint(raw);
      value = Analysed.of(ProcessedArticle.of(id, raw, analyzed.analysis()), analyzed.fingerprint());
    } catch (RuntimeException e) {
      fail(record, "analyze", e);
      return;
    }
    // outside the try: an error of the Kafka client downstream (a fenced producer, a timeout) is not
    // the record's fault and must reach Streams, which aborts the transaction and retries the record
    RecordMetadata m = context.recordMetadata().orElse(null);
    // the source partition lets the dedup step merge the partitions in an order of their own
    context.forward(record.withKey(id).withValue(value)
        .withHeaders(DedupProcessor.sourcePartitionHeader(m == null ? -1 : m.partition())));
    NewsmonMetrics.articleAnalysed(analyzed.analysis().language().code());
  }

  private void fail(Record<byte[], byte[]> record, String stage, RuntimeException e) {
    context.forward(new Record<>((String) null,
        new Failed(record.key(), record.value(), DeadLetterProcessor.reason(stage, context, e)), record.timestamp()));
  }

  private static long length(String s) {
    return s == null ? 0 : s.length();
  }
}
