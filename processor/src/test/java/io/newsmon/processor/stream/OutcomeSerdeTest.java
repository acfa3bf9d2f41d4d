package io.newsmon.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.dedup.DedupEntry;
import io.newsmon.processor.dedup.SeenArticle;
import io.newsmon.processor.fingerprint.Fingerprint;
import io.newsmon.processor.fingerprint.Fingerprinter;
import io.newsmon.processor.fingerprint.FingerprinterTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The values of the dedup repartition topic, the reorder buffer and the dedup store survive their serdes. */
class OutcomeSerdeTest {

  static ProcessedArticle article(Fingerprint fp) {
    return ProcessedArticle.of("a-1", RawArticle.builder().url("https://x.example/é?q=\"1\"").title("Марокко и Казахстан")
        .text("t « ü » المغرب").publishedAt(java.time.Instant.parse("2026-03-06T10:00:00Z")).build(),
        new Analysis(new Analysis.Language("en", 1), "h", fp.hex(), null, null,
            List.of(new Analysis.Entity("ma:bourita", "person", "MA", "Bourita", 0, 7)), List.of("trade"), List.of()));
  }

  @Test
  void anAnalysedArticleKeepsItsFingerprintThroughTheRepartitionTopic() {
    Fingerprint fp = Fingerprinter.fingerprint(FingerprinterTest.BASE);
    ProcessedArticle p = article(fp);
    Outcome back = Outcome.SERDE.deserializer().deserialize("t",
        Outcome.SERDE.serializer().serialize("t", Outcome.ok(p, fp)));
    assertThat(back.fingerprint()).isEqualTo(fp);
    assertThat(back.article()).isEqualTo(p);
    assertThat(back.analysis()).isEqualTo(p.analysis());
    assertThat(back.id()).isEqualTo("a-1");
    assertThat(back.eventTime(0)).isEqualTo(p.article().publishedAt().toEpochMilli());
    assertThat(back.isFailure()).isFalse();
  }

  @Test
  void theOutputIsWhatJacksonWritesForTheProcessedArticle() {
    Fingerprint fp = Fingerprinter.fingerprint(FingerprinterTest.BASE);
    ProcessedArticle p = article(fp);
    JsonSerde<ProcessedArticle> serde = JsonSerde.of(ProcessedArticle.class);
    for (String original : java.util.Arrays.asList("a-0", null)) {
      Outcome read = Outcome.fromBytes(Outcome.ok(p, fp).toBytes());
      assertThat(read.contentHash()).isEqualTo("h");
      assertThat(read.specificEntities()).containsExactly("ma:bourita");
      assertThat(read.topics()).containsExactly("trade");
      Outcome back = read.withDecision(new io.newsmon.processor.dedup.Deduplicator.Decision(original, "s-0"));
      Analysis decided = p.analysis().withDedup(original, "s-0");
      assertThat(new String(back.processedJson(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(new String(serde.toBytes(ProcessedArticle.of("a-1", p.article(), decided)),
              java.nio.charset.StandardCharsets.UTF_8));
      assertThat(back.analysis()).isEqualTo(decided);
    }
  }

  @Test
  void reorderBufferEntriesSurviveTheirSerdeAndTheEarlierJsonFormIsStillRead() {
    Fingerprint fp = Fingerprinter.fingerprint(FingerprinterTest.BASE);
    ProcessedArticle p = article(fp);
    Pending held = new Pending("a-1", 42L, 3, Outcome.ok(p, fp));
    Pending back = Pending.SERDE.deserializer().deserialize("t", Pending.SERDE.serializer().serialize("t", held));
    assertThat(back.key()).isEqualTo("a-1");
    assertThat(back.timestamp()).isEqualTo(42L);
    assertThat(back.partition()).isEqualTo(3);
    assertThat(back.outcome().article()).isEqualTo(p);
    assertThat(back.outcome().fingerprint()).isEqualTo(fp);

    byte[] legacy = JsonSerde.of(Pending.LegacyPending.class).toBytes(
        new Pending.LegacyPending("a-1", 42L, new Outcome.LegacyOutcome(p, fp, null, null)));
    Pending old = Pending.fromBytes(legacy);
    assertThat(old.partition()).isEqualTo(-1);
    assertThat(old.timestamp()).isEqualTo(42L);
    assertThat(old.outcome().article()).isEqualTo(p);
    assertThat(old.outcome().fingerprint()).isEqualTo(fp);
  }

  @Test
  void theFirstBinaryFormWithoutPartitionIsStillRead() {
    Fingerprint fp = Fingerprinter.fingerprint(FingerprinterTest.BASE);
    ProcessedArticle p = article(fp);
    byte[] o = Outcome.ok(p, fp).toBytes();
    byte[] k = "a-1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] v1 = java.nio.ByteBuffer.allocate(1 + 8 + 4 + k.length + o.length)
        .put((byte) 1).putLong(42L).putInt(k.length).put(k).put(o).array();
    Pending old = Pending.fromBytes(v1);
    assertThat(old.key()).isEqualTo("a-1");
    assertThat(old.timestamp()).isEqualTo(42L);
    assertThat(old.partition()).isEqualTo(-1);
    assertThat(old.outcome().article()).isEqualTo(p);
  }

  @Test
  void storeKeysSortInArrivalOrderAndEarlierKeysAreRecognised() {
    assertThat(Pending.storeKey(9)).isLessThan(Pending.storeKey(10));
    assertThat(Pending.storeKey(123)).hasSize(20);
    assertThat(Pending.seqOf(Pending.storeKey(123))).isEqualTo(123);
    assertThat(Pending.seqOf("09223372036854775807|a-1")).isEqualTo(-1);
    assertThat(Pending.seqOf("qx")).isEqualTo(-1);
  }

  @Test
  void aTruncatedRecordIsAReadableSerializationError() {
    Fingerprint fp = Fingerprinter.fingerprint(FingerprinterTest.BASE);
    byte[] bytes = Outcome.ok(article(fp), fp).toBytes();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Outcome.fromBytes(java.util.Arrays.copyOf(bytes, 20)))
        .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void dedupEntriesSurviveJson() {
    SeenArticle a = new SeenArticle("a-1", "h", -5L, new long[] {1, 2, 3}, null, "s-1",
        List.of("ma:bourita"), 10L, 20L, List.of("trade"), List.of("a:visit", "d:2025-02-28"), new long[] {4, 5}, 30);
    JsonSerde<DedupEntry> serde = JsonSerde.of(DedupEntry.class);
    DedupEntry back = serde.fromBytes(serde.toBytes(DedupEntry.of(a)));
    assertThat(back.article().sample()).containsExactly(1, 2, 3);
    assertThat(back.article().simhash()).isEqualTo(-5L);
    assertThat(back.article().entities()).containsExactly("ma:bourita");
    assertThat(back.article().topics()).containsExactly("trade");
    assertThat(back.article().event()).containsExactly("a:visit", "d:2025-02-28");
    assertThat(back.seenAt()).isEqualTo(20L);
    DedupEntry bucket = serde.fromBytes(serde.toBytes(new DedupEntry(null, List.of("a-1", "a-2"), 7L)));
    assertThat(bucket.ids()).containsExactly("a-1", "a-2");
    assertThat(bucket.article()).isNull();
  }
}
