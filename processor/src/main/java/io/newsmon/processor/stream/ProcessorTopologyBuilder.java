package io.newsmon.processor.stream;

import io.newsmon.common.kafka.DeadLetterProcessor;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.kafka.Topics;
import io.newsmon.processor.ArticleAnalyzer;
import io.newsmon.processor.dedup.DedupEntry;
import io.newsmon.processor.dedup.DedupEntrySerde;
import io.newsmon.processor.dedup.Deduplicator;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The processor's Streams wiring, the one place it lives ({@code io.newsmon.processor.ProcessorTopology}
 * builds it from the configuration and draws it). Failures of every step go through common's
 * {@link DeadLetterProcessor}.
 */
public final class ProcessorTopologyBuilder {

  /**
   * Name of the dedup step's article store (its changelog is {@code <application-id>-dedup-store-changelog}):
   * one entry per remembered article.
   */
  public static final String STORE = "dedup-store";
  /**
   * Name of the dedup step's lookup index (the buckets through which candidates are found): local only,
   * no changelog; rebuilt from the article store when missing or behind it.
   */
  public static final String INDEX_STORE = "dedup-index";
  /** Name of the dedup step's reorder buffer store (see {@code processor.dedup.reorder-delay}). */
  public static final String PENDING_STORE = "dedup-pending";
  /** Name of the single-partition repartition topic feeding the dedup step. */
  public static final String DEDUP_REPARTITION = "dedup-input";

  private ProcessorTopologyBuilder() {}

  /**
   * @param reorderDelay the longest the dedup step waits for a partition of news.raw (0: arrival order)
   * @param replayDelay the same for a replayed or backlogged article (its record time long past)
   * @param sourcePartitions partitions of news.raw waited for before they are first heard from
   */
  public static Topology build(ArticleAnalyzer analyzer, Deduplicator deduplicator, long maxChars,
      Duration purgeInterval, Duration reorderDelay, Duration replayDelay, int sourcePartitions) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
        Serdes.String(), DedupEntrySerde.INSTANCE).withCachingEnabled());
    builder.addStateStore(indexStore());
    // record cache in front of the reorder buffer: an article held for less than a commit interval
    // (most of them) is written and deleted in the cache, and only its small tombstone reaches
    // RocksDB and the changelog
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE),
        Serdes.String(), Pending.SERDE).withCachingEnabled());

    KStream<String, Outcome> analysed = builder
        .stream(Topics.RAW.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("raw"))
        .process(() -> new AnalyzeProcessor(analyzer, maxChars), Named.as("analyze"));
    Map<String, KStream<String, Outcome>> a = analysed.split(Named.as("analyze-"))
        .branch((k, v) -> v instanceof Failed, Branched.as("failed"))
        .defaultBranch(Branched.as("ok"));
    toDeadLetters(a.get("analyze-failed"), "analyze");

    KStream<String, Outcome> deduped = a.get("analyze-ok")
        .repartition(Repartitioned.with(Serdes.String(), OutcomeSerde.INSTANCE)
            .withName(DEDUP_REPARTITION).withNumberOfPartitions(1))
        .process(() -> new DedupProcessor(deduplicator, STORE, INDEX_STORE, purgeInterval, PENDING_STORE,
            reorderDelay, replayDelay, sourcePartitions),
            Named.as("dedup"), STORE, INDEX_STORE, PENDING_STORE);
    Map<String, KStream<String, Outcome>> d = deduped.split(Named.as("dedup-"))
        .branch((k, v) -> v instanceof Failed, Branched.as("failed"))
        .defaultBranch(Branched.as("ok"));
    toDeadLetters(d.get("dedup-failed"), "dedup");
    d.get("dedup-ok")
        // the ProcessedArticle JSON around the raw article's bytes: the text is not parsed again
        .mapValues(o -> ((Analysed) o).processedJson(), Named.as("processed-article"))
        .to(Topics.PROCESSED.name(), Produced.with(Topics.PROCESSED.keySerde(), Serdes.ByteArray())
            .withName("processed"));
    return builder.build();
  }

  /**
   * The dedup step's lookup index: persistent (RocksDB, bounded by disk rather than heap), without a
   * changelog (the article store's changelog is enough to rebuild it) and without a record cache (so
   * RocksDB holds its writes in the order they were made, which the index's marker relies on).
   */
  public static StoreBuilder<KeyValueStore<String, DedupEntry>> indexStore() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INDEX_STORE), Serdes.String(),
        DedupEntrySerde.INSTANCE).withLoggingDisabled().withCachingDisabled();
  }

  private static void toDeadLetters(KStream<String, Outcome> failed, String stage) {
    failed.mapValues(o -> (Failed) o, Named.as(stage + "-failure"))
        .process(DeadLetterProcessor<String, Failed>::new, Named.as(stage + "-deadletter"))
        .to(Topics.DEADLETTER.name(), Produced.with(Topics.DEADLETTER.keySerde(), Topics.DEADLETTER.valueSerde())
            .withName(stage + "-deadletter-sink"));
  }
}
