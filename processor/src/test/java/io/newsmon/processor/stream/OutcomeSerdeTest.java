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

  private static Analysed read(byte[] bytes) {
    Outcome o = OutcomeSerde.INSTANCE.deserializer().deserialize("t", bytes);
    assertThat(o).isInstanceOf(Analysed.class);
    return (Analysed) o;
  }

  @Test
  void anAnalysedArticleKeepsItsFingerprintThroughTheRepartitionTopic() {
    Fingerprint fp = Fingerprinter.fingerprint(FingerprinterTest.BASE);
    ProcessedArticle p = article(fp);
    byte[] bytes = OutcomeSerde.INSTANCE.serializer().serialize("t", Analysed.of(p, fp));
    assertThat(bytes[0]).as("the version byte").isEqualTo(OutcomeSerde.VERSION);
    Analysed back = read(bytes);
    assertThat(back.fingerprint()).isEqualTo(fp);
    assertThat(back.article()).isEqualTo(p);
    assertThat(back.analysis()).isEqualTo(p.analysis());
    assertThat(back.id()).isEqualTo("a-1");
    assertThat(back.eventTime(0)).isEqualTo(p.article().publishedAt().toEpochMilli());
  }

  @Test
  void theOutputReadsBackAsTheProcessedArticleWithTheDecision() {
    Fingerprint fp = Fingerprinter.fingerprint(FingerprinterTest.BASE);
    ProcessedArticle p = article(fp);
    JsonSerde<ProcessedArticle> serde = JsonSerde.of(ProcessedArticle.class);
    for (String original : java.util.Arrays.asList("a-0", null)) {
      Analysed read = read(OutcomeSerde.toBytes(Analysed.of(p, fp)));
      assertThat(read.contentHash()).isEqualTo("h");
      assertThat(read.specificEntities()).containsExactly("ma:bourita");
      assertThat(read.topics()).containsExactly("trade");
      Analysed back = read.withDecision(new io.newsmon.processor.dedup.Deduplicator.Decision(original, "s-0"));
      Analysis decided = p.analysis().withDedup(original, "s-0");
      ProcessedArticle expected = ProcessedArticle.of("a-1", p.article(), decided);
      assertThat(serde.fromBytes(back.processedJson())).isEqualTo(expected);
      assertThat(back.analysis()).isEqualTo(decided);
    }
  }

  @Test
  void theOutputIsTheBytesJacksonWritesWhetherReadInPlaceFromARecordOrAReorderBufferEntry() {
    Fingerprint fp = Fingerprinter.fingerprint(FingerprinterTest.BASE);
    ProcessedArticle p = article(fp);
    JsonSerde<ProcessedArticle> serde = JsonSerde.of(ProcessedArticle.class);
    byte[] wire = OutcomeSerde.toBytes(Analysed.of(p, fp));
    Analysed fromRecord = read(wire);
    Analysed fromBuffer = (Analysed) Pending.fromBytes(new Pending("a-1", 42L, 3, fromRecord).toBytes()).outcome();
    for (String[] d : new String[][] {{"a-0", "s-0"}, {null, "s-x:1_2.3"}, {"a \"é\"\n", "s/ü"}}) {
      io.newsmon.processor.dedup.Deduplicator.Decision decision = new io.newsmon.processor.dedup.Deduplicator.Decision(d[0], d[1]);
      // every part written by Jackson, the two dedup fields last in the analysis
      JsonSerde<String> str = JsonSerde.of(String.class);
      String undecided = new String(Analysed.of(p, fp).undecidedAnalysisJson(), java.nio.charset.StandardCharsets.UTF_8);
      byte[] expected = ("{\"schemaVersion\":1,\"id\":\"a-1\",\"article\":"
          + new String(JsonSerde.of(RawArticle.class).toBytes(p.article()), java.nio.charset.StandardCharsets.UTF_8)
          + ",\"analysis\":" + undecided.substring(0, undecided.lastIndexOf('}'))
          + ",\"duplicateOf\":" + (d[0] == null ? "null" : new String(str.toBytes(d[0]), java.nio.charset.StandardCharsets.UTF_8))
          + ",\"storyId\":" + new String(str.toBytes(d[1]), java.nio.charset.StandardCharsets.UTF_8) + "}}")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(serde.fromBytes(expected)).isEqualTo(ProcessedArticle.of("a-1", p.article(), p.analysis().withDedup(d[0], d[1])));
      assertThat(new String(fromRecord.withDecision(decision).processedJson(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(new String(expected, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(fromBuffer.withDecision(decision).processedJson()).isEqualTo(expected);
      assertThat(Analysed.of(p, fp).withDecision(decision).processedJson()).isEqualTo(expected);
    }
    assertThat(fromBuffer.articleJson()).isEqualTo(JsonSerde.of(RawArticle.class).toBytes(p.article()));
    assertThat(fromRecord.undecidedAnalysisJson()).isEqualTo(Analysed.of(p, fp).undecidedAnalysisJson());
  }

  @Test
  void reorderBufferEntriesSurviveTheirSerde() {
    Fingerprint fp = Fingerprinter.fingerprint(FingerprinterTest.BASE);
    ProcessedArticle p = article(fp);
    Pending held = new Pending("a-1", 42L, 3, Analysed.of(p, fp));
    Pending back = Pending.SERDE.deserializer().deserialize("t", Pending.SERDE.serializer().serialize("t", held));
    assertThat(back.key()).isEqualTo("a-1");
    assertThat(back.timestamp()).isEqualTo(42L);
    assertThat(back.partition()).isEqualTo(3);
    assertThat(back.id()).isEqualTo("a-1");
    assertThat(((Analysed) back.outcome()).article()).isEqualTo(p);
    assertThat(((Analysed) back.outcome()).fingerprint()).isEqualTo(fp);
  }

  @Test
  void storeKeysSortInArrivalOrder() {
    assertThat(Pending.storeKey(9)).isLessThan(Pending.storeKey(10));
    assertThat(Pending.storeKey(123)).hasSize(20);
    assertThat(Pending.seqOf(Pending.storeKey(123))).isEqualTo(123);
    assertThat(Pending.seqOf("09223372036854775807|a-1")).isEqualTo(-1);
    assertThat(Pending.seqOf("qx")).isEqualTo(-1);
  }

  @Test
  void anUnknownVersionIsAFailureWithAClearReasonNotAnException() {
    Fingerprint fp = Fingerprinter.fingerprint(FingerprinterTest.BASE);
    byte[] bytes = OutcomeSerde.toBytes(Analysed.of(article(fp), fp));
    for (byte version : new byte[] {1, 2, 4, '{'}) {
      byte[] other = bytes.clone();
      other[0] = version;
      Outcome o = OutcomeSerde.INSTANCE.deserializer().deserialize("dedup-input", other);
      assertThat(o).isInstanceOf(Failed.class);
      Failed f = (Failed) o;
      assertThat(f.originalValue()).isEqualTo(other);
      assertThat(f.reason().stage()).isEqualTo("dedup");
      assertThat(f.reason().sourceTopic()).isEqualTo("dedup-input");
      assertThat(f.reason().errorMessage()).contains("unknown format version " + version).contains("version 3");
    }
    byte[] pending = new Pending("a-1", 42L, 0, Analysed.of(article(fp), fp)).toBytes();
    pending[0] = 9;
    Pending p = Pending.fromBytes(pending);
    assertThat(p.outcome()).isInstanceOf(Failed.class);
    assertThat(((Failed) p.outcome()).reason().errorMessage()).contains("reorder-buffer entry of unknown format version 9");
    assertThat(p.id()).isEmpty();
  }

  @Test
  void aTruncatedRecordIsAFailureWithAClearReason() {
    Fingerprint fp = Fingerprinter.fingerprint(FingerprinterTest.BASE);
    byte[] bytes = OutcomeSerde.toBytes(Analysed.of(article(fp), fp));
    for (int n : new int[] {0, 1, 5, 20, 60}) {
      Outcome o = OutcomeSerde.fromBytes(bytes, 0, n, "t");
      assertThat(o).as("first %d bytes", n).isInstanceOf(Failed.class);
      assertThat(((Failed) o).reason().errorMessage()).containsAnyOf("truncated", "empty");
    }
    byte[] pending = new Pending("a-1", 42L, 0, Analysed.of(article(fp), fp)).toBytes();
    Pending p = Pending.fromBytes(java.util.Arrays.copyOf(pending, 30));
    assertThat(p.outcome()).isInstanceOf(Failed.class);
  }

  @Test
  void aFailureIsNeverWrittenInBinaryForm() {
    Failed f = new Failed(null, new byte[] {1}, io.newsmon.common.record.DeadLetter.of("parse", "news.raw", 0, 1,
        new IllegalStateException("x")));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutcomeSerde.toBytes(f))
        .isInstanceOf(IllegalArgumentException.class);
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

  /**
   * The binary form, written into one reused buffer, is byte for byte the layout its parts give when
   * each is encoded on its own (UTF-8 strings, non-ASCII and empty ones included, the analysis and the
   * article as Jackson writes them), and the records one thread writes one after the other (a long one
   * among them) are not mixed.
   */
  @Test
  void theBinaryFormIsItsPartsEncodedOneAfterTheOther() {
    Fingerprint fp = Fingerprinter.fingerprint(FingerprinterTest.BASE);
    ProcessedArticle p = article(fp);
    Analysis withKeys = new Analysis(p.analysis().language(), "h\u00e9", fp.hex(), null, null,
        List.of(new Analysis.Entity("kz:\u0430\u0441\u0442\u0430\u043d\u0430", "place", "KZ", "Astana", 0, 6),
            new Analysis.Entity("ma:bourita", "person", "MA", "Bourita", 8, 15)),
        List.of("trade", ""), List.of(),
        new Analysis.Event("2026-03-06", true, List.of("visit"), List.of("brt", "~\u0628\u0648\u0631"),
            List.of("400000"), List.of(), List.of(), "2026-03-06"));
    ProcessedArticle q = ProcessedArticle.of("a-\u00e9",
        p.article().toBuilder().text("\ud83d\ude00 \u00ab x \u00bb ".repeat(50_000)).build(), withKeys);
    for (ProcessedArticle a : List.of(p, q, p)) {
      Analysed in = Analysed.of(a, fp);
      java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
      try (java.io.DataOutputStream out = new java.io.DataOutputStream(expected)) {
        out.writeByte(OutcomeSerde.VERSION);
        writeUtf8(out, a.id());
        out.writeByte(1);
        out.writeLong(a.article().publishedAt().toEpochMilli());
        writeUtf8(out, a.analysis().contentHash());
        for (List<String> strings : List.of(in.specificEntities(), in.topics(), in.eventKeys())) {
          out.writeInt(strings.size());
          for (String v : strings) {
            writeUtf8(out, v);
          }
        }
        out.writeByte(2);
        out.writeLong(fp.simhash());
        out.writeInt(fp.shingles());
        for (long[] longs : new long[][] {fp.sample(), fp.minima(), fp.leading()}) {
          out.writeInt(longs.length);
          for (long v : longs) {
            out.writeLong(v);
          }
        }
        byte[] an = Analysed.of(a, fp).undecidedAnalysisJson();
        out.writeInt(an.length);
        out.write(an);
        out.write(JsonSerde.of(RawArticle.class).toBytes(a.article()));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      byte[] written = OutcomeSerde.toBytes(in);
      assertThat(written).isEqualTo(expected.toByteArray());
      assertThat(read(written).article()).isEqualTo(a);
    }
  }

  private static void writeUtf8(java.io.DataOutputStream out, String s) throws java.io.IOException {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }
}
