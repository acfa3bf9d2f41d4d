package io.newsmon.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.DeadLetter;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import io.newsmon.processor.fingerprint.FingerprinterTest;
import io.newsmon.processor.stream.OversizeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production topology ({@link ProcessorTopology#build}) under TopologyTestDriver. */
class ProcessorTopologyTest {

  static final JsonSerde<RawArticle> RAW = JsonSerde.of(RawArticle.class);
  static final Instant T0 = Instant.parse("2025-03-06T09:00:00Z");

  @TempDir
  Path stateDir;
  /** Judges each article as it arrives, so a test can read the output right after piping. */
  static final NewsmonConfig ARRIVAL_ORDER = NewsmonConfig.defaults().with("processor.dedup.reorder-delay", "0s");

  TopologyTestDriver driver;
  TestInputTopic<byte[], byte[]> raw;
  TestOutputTopic<String, ProcessedArticle> processed;
  TestOutputTopic<byte[], byte[]> deadletter;

  void start(NewsmonConfig config) {
    Topology topology = ProcessorTopology.build(config);
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "processor-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(topology, p);
    raw = driver.createInputTopic(Topics.RAW.name(), new ByteArraySerializer(), new ByteArraySerializer());
    processed = driver.createOutputTopic(Topics.PROCESSED.name(), new StringDeserializer(),
        Topics.PROCESSED.valueSerde().deserializer());
    deadletter = driver.createOutputTopic(Topics.DEADLETTER.name(), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  void send(String url, String title, String text, Instant at) {
    RawArticle a = RawArticle.builder().url(url).title(title).text(text).sourceId("test").fetchedAt(at).build();
    raw.pipeInput(new TestRecord<>(url.getBytes(StandardCharsets.UTF_8), RAW.toBytes(a), at));
  }

  @Test
  void theDedupStepReadsASinglePartitionRepartitionTopic() {
    String description = ProcessorTopology.build(NewsmonConfig.defaults()).describe().toString();
    assertThat(description).contains("dedup-input-repartition").contains("dedup-store").contains(Topics.RAW.name());
  }

  @Test
  void relevantArticleExactCopyAndNearCopy() {
    start(ARRIVAL_ORDER);
    send("https://a.example/1", "Kazakhstan and Morocco to double trade", FingerprinterTest.BASE, T0);
    send("https://b.example/copy", "Kazakhstan and Morocco to double trade", FingerprinterTest.BASE, T0.plusSeconds(60));
    send("https://c.example/near", "Morocco, Kazakhstan agree on trade",
        "RABAT, March 6 (MAP) - " + FingerprinterTest.BASE + "\nRead more about Central Asia on our website every day", T0.plusSeconds(120));

    List<org.apache.kafka.streams.KeyValue<String, ProcessedArticle>> out = processed.readKeyValuesToList();
    assertThat(out).hasSize(3);
    String id1 = Hashing.articleId("https://a.example/1");
    ProcessedArticle first = out.get(0).value;
    assertThat(out.get(0).key).isEqualTo(id1).isEqualTo(first.id());
    assertThat(first.analysis().language().code()).isEqualTo("en");
    assertThat(first.analysis().relevant()).isTrue();
    assertThat(first.analysis().watches().get(0).evidence()).isNotEmpty();
    assertThat(first.analysis().entities()).extracting(e -> e.id()).contains("kz:nurtleu", "ma:bourita");
    assertThat(first.analysis().topics()).contains("trade");
    assertThat(first.analysis().duplicateOf()).isNull();
    assertThat(first.analysis().storyId()).isNotBlank();

    assertThat(out.get(1).value.analysis().duplicateOf()).isEqualTo(id1);
    assertThat(out.get(2).value.analysis().duplicateOf()).isEqualTo(id1);
    assertThat(out.get(2).value.analysis().storyId()).isEqualTo(first.analysis().storyId());
    assertThat(deadletter.isEmpty()).isTrue();
  }

  @Test
  void anArticleWaitsForTheOtherPartitionsOfTheRawTopicAtMostTheReorderDelay() {
    // T0 is long past, as in a replay: the replay delay is set to the same 1s here
    start(NewsmonConfig.defaults().with("processor.dedup.reorder-delay", "1s")
        .with("processor.dedup.replay-reorder-delay", "1s").with("topics.partitions", "4"));
    send("https://a.example/1", "Kazakhstan and Morocco to double trade", FingerprinterTest.BASE, T0);
    assertThat(processed.isEmpty()).as("partitions 1-3 have not been heard from").isTrue();
    org.apache.kafka.streams.state.KeyValueStore<String, Object> held =
        driver.getKeyValueStore(io.newsmon.processor.stream.ProcessorTopologyBuilder.PENDING_STORE);
    try (var it = held.all()) {
      assertThat(it.hasNext()).as("the held article is in the buffer's store").isTrue();
      it.next();
      assertThat(it.hasNext()).isFalse();
    }
    driver.advanceWallClockTime(java.time.Duration.ofMillis(500));
    assertThat(processed.isEmpty()).isTrue();
    driver.advanceWallClockTime(java.time.Duration.ofMillis(600));
    assertThat(processed.readKeyValuesToList()).extracting(kv -> kv.key)
        .containsExactly(Hashing.articleId("https://a.example/1"));
    try (var it = held.all()) {
      assertThat(it.hasNext()).as("released: removed from the buffer's store").isFalse();
    }
  }

  @Test
  void aReplayedArticleWaitsTheReplayDelayAndALiveOneTheReorderDelay() {
    start(NewsmonConfig.defaults().with("processor.dedup.reorder-delay", "1s")
        .with("processor.dedup.replay-reorder-delay", "5s").with("topics.partitions", "4"));
    // published (record time) long before the driver's wall clock: a replay
    send("https://a.example/1", "Kazakhstan and Morocco to double trade", FingerprinterTest.BASE, T0);
    driver.advanceWallClockTime(java.time.Duration.ofMillis(4_000));
    assertThat(processed.isEmpty()).as("a replayed article waits 5 s for partitions 1-3").isTrue();
    driver.advanceWallClockTime(java.time.Duration.ofMillis(1_100));
    assertThat(processed.readKeyValuesToList()).hasSize(1);
    // stamped now, as a live ingestor stamps it: the 1 s reorder delay
    java.time.Instant now = java.time.Instant.ofEpochMilli(System.currentTimeMillis()).plusSeconds(5);
    send("https://c.example/2", "Astana hosts Moroccan trade mission", FingerprinterTest.P3, now);
    driver.advanceWallClockTime(java.time.Duration.ofMillis(1_100));
    assertThat(processed.readKeyValuesToList()).extracting(kv -> kv.key)
        .containsExactly(Hashing.articleId("https://c.example/2"));
  }

  @Test
  void withOneRawPartitionArticlesAreJudgedAtOnceInOffsetOrder() {
    start(NewsmonConfig.defaults().with("processor.dedup.reorder-delay", "1s").with("topics.partitions", "1"));
    // within a partition the offset order decides, whatever the publication times: the same on a replay
    send("https://b.example/copy", "Kazakhstan and Morocco to double trade", FingerprinterTest.BASE, T0.plusSeconds(600));
    send("https://a.example/1", "Kazakhstan and Morocco to double trade", FingerprinterTest.BASE, T0);

    List<org.apache.kafka.streams.KeyValue<String, ProcessedArticle>> out = processed.readKeyValuesToList();
    assertThat(out).extracting(kv -> kv.key)
        .containsExactly(Hashing.articleId("https://b.example/copy"), Hashing.articleId("https://a.example/1"));
    assertThat(out.get(0).value.analysis().duplicateOf()).isNull();
    assertThat(out.get(1).value.analysis().duplicateOf()).isEqualTo(Hashing.articleId("https://b.example/copy"));
    assertThat(out.get(1).value.analysis().storyId()).isEqualTo(Hashing.id("s", Hashing.articleId("https://b.example/copy")));
  }

  @Test
  void poisonRecordGoesToDeadLetterWithHeadersAndProcessingContinues() {
    start(ARRIVAL_ORDER);
    byte[] poison = "{not json at all".getBytes(StandardCharsets.UTF_8);
    raw.pipeInput(new TestRecord<>("k".getBytes(StandardCharsets.UTF_8), poison, T0));
    send("https://a.example/after", "Kazakhstan and Morocco to double trade", FingerprinterTest.BASE, T0.plusSeconds(1));

    TestRecord<byte[], byte[]> dl = deadletter.readRecord();
    assertThat(dl.value()).isEqualTo(poison);
    assertThat(dl.key()).isEqualTo("k".getBytes(StandardCharsets.UTF_8));
    DeadLetter d = DeadLetter.fromHeaders(dl.headers());
    assertThat(d.stage()).isEqualTo("parse");
    assertThat(d.sourceTopic()).isEqualTo(Topics.RAW.name());
    assertThat(d.partition()).isZero();
    assertThat(d.offset()).isZero();
    assertThat(d.errorClass()).contains("SerializationException");
    assertThat(d.errorMessage()).contains("RawArticle");
    assertThat(deadletter.isEmpty()).isTrue();
    assertThat(processed.readValuesToList()).singleElement()
        .satisfies(p -> assertThat(p.id()).isEqualTo(Hashing.articleId("https://a.example/after")));
  }

  @Test
  void oversizeAndUrlLessRecordsGoToDeadLetter() {
    start(ARRIVAL_ORDER.with("processor.max-text-chars", "500"));
    send("https://a.example/big", "Big", "word ".repeat(200), T0);
    RawArticle noUrl = RawArticle.builder().title("No URL").text("Some text here.").build();
    byte[] noUrlBytes = RAW.toBytes(noUrl);
    raw.pipeInput(new TestRecord<>((byte[]) null, noUrlBytes, T0));
    send("https://a.example/small", "Small", "Morocco and Kazakhstan signed a deal.", T0);

    List<TestRecord<byte[], byte[]>> dls = deadletter.readRecordsToList();
    assertThat(dls).hasSize(2);
    DeadLetter big = DeadLetter.fromHeaders(dls.get(0).headers());
    assertThat(big.stage()).isEqualTo("parse");
    assertThat(big.errorClass()).isEqualTo(OversizeException.class.getName());
    assertThat(big.errorMessage()).contains("processor.max-text-chars");
    assertThat(big.offset()).isZero();
    DeadLetter urlLess = DeadLetter.fromHeaders(dls.get(1).headers());
    assertThat(urlLess.offset()).isEqualTo(1);
    assertThat(urlLess.errorMessage()).contains("url");
    assertThat(dls.get(1).value()).isEqualTo(noUrlBytes);
    assertThat(processed.readValuesToList()).hasSize(1);
  }
}
