package io.newsmon.sink;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.newsmon.app.demo.SyntheticArticles;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import io.newsmon.processor.ArticleAnalyzer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The sink's topology alone on a {@link TopologyTestDriver} (one thread: reading, the enriched
 * output, the by-story repartition, the alert store in RocksDB and the alert outputs), over
 * {@code news.processed} records built as the processor writes them (the raw article's JSON and
 * the analysis' JSON with the dedup fields appended). Prints the calling thread's CPU time per
 * record for each pass (a fresh driver each pass, so every pass raises the same alerts) and a
 * SHA-256 of every output record (topic, key, value) of the first pass, so that two builds can be
 * shown to write identical bytes.
 *
 * <p>Arguments: {@code [--articles N] [--passes N] [--relevant-every N] [--copy-every N] [--story-size N]}
 * (relevant articles join stories of N, as coverage of each other; copies join the last relevant
 * article's story).
 */
public final class SinkStepBenchmark {

  private SinkStepBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = 2000;
    int passes = 10;
    int relevantEvery = 20;
    int copyEvery = 10;
    int storySize = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--articles" -> n = Integer.parseInt(args[++i]);
        case "--passes" -> passes = Integer.parseInt(args[++i]);
        case "--relevant-every" -> relevantEvery = Integer.parseInt(args[++i]);
        case "--copy-every" -> copyEvery = Integer.parseInt(args[++i]);
        case "--story-size" -> storySize = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    List<byte[][]> records = records(n, relevantEvery, copyEvery, storySize);
    long bytes = records.stream().mapToLong(r -> r[1].length).sum();
    System.out.printf("sink step: %d news.processed records, mean %d bytes, relevant one in %d, copy one in %d, "
        + "%d relevant articles per story%n", n, bytes / n, relevantEvery, copyEvery, storySize);
    var threads = ManagementFactory.getThreadMXBean();
    double[] perRecord = new double[passes];
    String digest = null;
    for (int p = 0; p < passes; p++) {
      Path dir = Files.createTempDirectory("sink-bench");
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sink-bench");
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
      props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
      try (TopologyTestDriver driver = new TopologyTestDriver(SinkTopology.build(NewsmonConfig.defaults()), props,
          Instant.parse("2026-11-01T00:00:00Z"))) {
        TestInputTopic<byte[], byte[]> in = driver.createInputTopic(Topics.PROCESSED.name(),
            Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        List<TestOutputTopic<byte[], byte[]>> outs = new ArrayList<>();
        for (String t : List.of(Topics.ENRICHED.name(), Topics.ALERTS.name(),
            Topics.watchAlerts("morocco-kazakhstan").name(), Topics.DEADLETTER.name())) {
          outs.add(driver.createOutputTopic(t, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer()));
        }
        long t0 = threads.getCurrentThreadCpuTime();
        for (byte[][] r : records) {
          in.pipeInput(r[0], r[1]);
        }
        long cpu = threads.getCurrentThreadCpuTime() - t0;
        perRecord[p] = cpu / 1e6 / n;
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        long[] counts = new long[outs.size()];
        for (int t = 0; t < outs.size(); t++) {
          for (TestRecord<byte[], byte[]> r : outs.get(t).readRecordsToList()) {
            counts[t]++;
            md.update((t + ":").getBytes(StandardCharsets.UTF_8));
            md.update(r.key() == null ? new byte[0] : r.key());
            md.update((byte) 0);
            md.update(r.value() == null ? new byte[0] : r.value());
            md.update((byte) '\n');
          }
        }
        String d = HexFormat.of().formatHex(md.digest());
        if (digest == null) {
          digest = d;
          System.out.printf("outputs: enriched %d, alerts %d, watch alerts %d, dead letters %d; sha256 %s%n",
              counts[0], counts[1], counts[2], counts[3], d);
        } else if (!digest.equals(d)) {
          System.out.printf("pass %d wrote other bytes: sha256 %s%n", p + 1, d);
        }
      }
      System.out.printf("pass %d: %.1f µs of thread CPU per record%n", p + 1, perRecord[p] * 1000);
    }
    double[] warm = Arrays.copyOfRange(perRecord, passes / 2, passes);
    Arrays.sort(warm);
    System.out.printf("median of passes %d-%d: %.1f µs per record%n", passes / 2 + 1, passes,
        warm[warm.length / 2] * 1000);
  }

  /** Key and value of each record, as the processor writes news.processed. */
  private static List<byte[][]> records(int n, int relevantEvery, int copyEvery, int storySize) throws Exception {
    ArticleAnalyzer analyzer = ArticleAnalyzer.create(NewsmonConfig.defaults());
    JsonSerde<RawArticle> rawSerde = JsonSerde.of(RawArticle.class);
    ObjectWriter analysisWriter = Json.mapper().copy().addMixIn(Analysis.class, WithoutDecision.class)
        .writerFor(Analysis.class);
    List<RawArticle> raws = SyntheticArticles.generate(n, 7);
    List<byte[][]> out = new ArrayList<>(n);
    String lastRelevantId = null;
    String lastRelevantStory = null;
    int relevantCount = 0;
    for (int i = 0; i < n; i++) {
      RawArticle raw = raws.get(i).toBuilder().url("https://news" + (i % 17) + ".example/a/" + i)
          .sourceId(i % 3 == 0 ? "replay" : "src-" + (i % 5)).build();
      Analysis a = analyzer.analyze(raw);
      boolean relevant = i % relevantEvery == 0;
      List<Analysis.WatchMatch> watches = new ArrayList<>();
      for (Analysis.WatchMatch m : a.watches()) {
        watches.add(new Analysis.WatchMatch(m.watchId(), relevant, relevant ? Math.max(0.6, m.score()) : m.score(),
            m.evidence(), m.notes()));
      }
      Analysis undecided = new Analysis(a.language(), a.contentHash(), a.fingerprint(), null, null, a.entities(),
          a.topics(), watches, a.event());
      String id = Hashing.articleId(raw.key());
      String dup = null;
      String story = relevant ? Hashing.id("st", String.valueOf(relevantCount++ / storySize)) : Hashing.id("st", id);
      if (lastRelevantId != null && i % copyEvery == copyEvery / 2) {
        dup = i % (2 * copyEvery) == copyEvery / 2 ? lastRelevantId : null; // half copies, half coverage
        story = lastRelevantStory;
      }
      if (relevant) {
        lastRelevantId = id;
        lastRelevantStory = story;
      }
      String analysisJson = analysisWriter.writeValueAsString(undecided);
      String value = "{\"schemaVersion\":1,\"id\":" + quote(id) + ",\"article\":"
          + new String(rawSerde.toBytes(raw), StandardCharsets.UTF_8) + ",\"analysis\":"
          + analysisJson.substring(0, analysisJson.lastIndexOf('}')) + ",\"duplicateOf\":"
          + (dup == null ? "null" : quote(dup)) + ",\"storyId\":" + quote(story) + "}}";
      out.add(new byte[][] {id.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)});
    }
    return out;
  }

  /** The analyse step writes the analysis without the dedup step's two fields. */
  @JsonIgnoreProperties({"duplicateOf", "storyId"})
  private abstract static class WithoutDecision {}

  private static String quote(String s) {
    return "\"" + s + "\"";
  }
}
