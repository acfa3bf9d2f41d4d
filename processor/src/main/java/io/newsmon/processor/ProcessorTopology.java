package io.newsmon.processor;

import io.newsmon.common.config.KafkaSettings;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.config.ProcessorSettings;
import io.newsmon.processor.dedup.Deduplicator;
import io.newsmon.processor.stream.ProcessorTopologyBuilder;
import org.apache.kafka.streams.Topology;

/**
 * The processor's Kafka Streams topology built from the configuration; the wiring itself is
 * {@link ProcessorTopologyBuilder}'s:
 *
 * <pre>
 * news.raw (bytes) ─► analyze (parse, size check, language, fingerprints, tagging; parallel per partition)
 *     ├─ Failed ─► news.deadletter (original bytes, newsmon.dlq.* headers; stage parse/analyze)
 *     └─► repartition &lt;app-id&gt;-dedup-input-repartition (ONE partition: one total order)
 *           ─► reorder buffer (merge of the source partitions; store dedup-pending)
 *           ─► dedup (articles in dedup-store, changelogged; lookup buckets in dedup-index, local,
 *                rebuilt from the articles; both expiring after processor.dedup.window)
 *                ├─ Failed ─► news.deadletter (stage dedup)
 *                └─► news.processed (key: article id)
 * </pre>
 *
 * <p>The expensive analysis runs in parallel on the input partitions; the cheap dedup and story step
 * runs on a single partition, so copies of one story that arrive on different partitions (or at
 * different instances) are judged in one order and exactly one of them is the original. Run it with
 * exactly-once v2 (as {@link ProcessorService} does).
 */
public final class ProcessorTopology {

  private ProcessorTopology() {}

  public static Topology build(NewsmonConfig config) {
    return build(config, ArticleAnalyzer.create(config));
  }

  /** The topology with an analyser already built from {@code config}. */
  public static Topology build(NewsmonConfig config, ArticleAnalyzer analyzer) {
    return ProcessorTopologyBuilder.build(analyzer,
        new Deduplicator(Deduplicator.Settings.from(config)),
        config.get(ProcessorSettings.MAX_TEXT_CHARS),
        config.get(ProcessorSettings.DEDUP_PURGE_INTERVAL),
        config.get(ProcessorSettings.DEDUP_REORDER_DELAY),
        config.get(ProcessorSettings.DEDUP_REPLAY_REORDER_DELAY),
        config.get(KafkaSettings.TOPICS_PARTITIONS));
  }
}
