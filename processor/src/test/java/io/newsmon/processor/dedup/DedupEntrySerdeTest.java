package io.newsmon.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.util.Hashing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class DedupEntrySerdeTest {

  private static final JsonSerde<DedupEntry> JSON = JsonSerde.of(DedupEntry.class);

  private static SeenArticle article(String id, String duplicateOf) {
    return new SeenArticle(id, Hashing.sha256Hex("text of " + id), -5L, new long[] {Long.MIN_VALUE, -1, 3},
        duplicateOf, Hashing.id("s", id), List.of("ma:bourita", "kz:астана"), 10L, 20L, List.of("trade"),
        List.of("a:visit", "d:2025-02-28", "n:Нұртілеу", "q:41200"), new long[] {4, Long.MAX_VALUE}, 30);
  }

  private static void assertSame(DedupEntry back, DedupEntry e) {
    assertThat(back.ids()).isEqualTo(e.ids());
    assertThat(back.seenAt()).isEqualTo(e.seenAt());
    if (e.article() == null) {
      assertThat(back.article()).isNull();
      return;
    }
    SeenArticle a = e.article();
    SeenArticle b = back.article();
    assertThat(b.id()).isEqualTo(a.id());
    assertThat(b.contentHash()).isEqualTo(a.contentHash());
    assertThat(b.simhash()).isEqualTo(a.simhash());
    assertThat(b.sample()).containsExactly(a.sample());
    assertThat(b.duplicateOf()).isEqualTo(a.duplicateOf());
    assertThat(b.storyId()).isEqualTo(a.storyId());
    assertThat(b.entities()).isEqualTo(a.entities());
    assertThat(b.eventTime()).isEqualTo(a.eventTime());
    assertThat(b.seenAt()).isEqualTo(a.seenAt());
    assertThat(b.topics()).isEqualTo(a.topics());
    assertThat(b.event()).isEqualTo(a.event());
    assertThat(b.minima()).containsExactly(a.minima());
    assertThat(b.shingles()).isEqualTo(a.shingles());
    assertThat(b.leading()).containsExactly(a.leading());
    assertThat(b.seq()).isEqualTo(a.seq());
  }

  @Test
  void articlesAndBucketsComeBackAsTheyWereWritten() {
    String id = Hashing.articleId("https://example.org/1");
    List<DedupEntry> entries = List.of(
        DedupEntry.of(article(id, null)),
        DedupEntry.of(article(id, Hashing.articleId("https://example.org/0"))),
        DedupEntry.of(article("not-an-id", "A-0123456789ABCDEF")), // ids of another form, upper-case hex
        new DedupEntry(null, List.of(id, "a-00000000000000ff", "x", "", "abcd"), 7L),
        new DedupEntry(null, List.of(), Long.MIN_VALUE));
    for (DedupEntry e : entries) {
      assertSame(DedupEntrySerde.fromBytes(DedupEntrySerde.toBytes(e)), e);
    }
  }

  @Test
  void anArticleKeepsItsLeadingHashesAndJudgingOrder() {
    SeenArticle a = article(Hashing.articleId("https://example.org/3"), null);
    SeenArticle full = new SeenArticle(a.id(), a.contentHash(), a.simhash(), a.sample(), a.duplicateOf(), a.storyId(),
        a.entities(), a.eventTime(), a.seenAt(), a.topics(), a.event(), a.minima(), a.shingles(),
        new long[] {-7, 2, Long.MAX_VALUE}, 123_456_789_012L);
    DedupEntry e = DedupEntry.of(full);
    DedupEntry back = DedupEntrySerde.fromBytes(DedupEntrySerde.toBytes(e));
    assertSame(back, e);
    assertThat(back.article().leading()).containsExactly(-7, 2, Long.MAX_VALUE);
    assertThat(back.article().seq()).isEqualTo(123_456_789_012L);
  }

  @Test
  void entriesOfTheFirstBinaryFormatAreRead() {
    // the first binary form: no leading hashes and no judging order after the shingle count
    DedupEntry e = DedupEntry.of(article(Hashing.articleId("https://example.org/4"), null));
    byte[] now = DedupEntrySerde.toBytes(e);
    int tail = 1 + 8 + 1 + 8; // leading (empty), seq, ids (empty), seenAt
    byte[] first = new byte[now.length - 9];
    System.arraycopy(now, 0, first, 0, now.length - tail);
    System.arraycopy(now, now.length - 9, first, now.length - tail, 9);
    first[0] = 1;
    assertSame(DedupEntrySerde.fromBytes(first), e);
  }

  @Test
  void entriesWrittenAsJsonByEarlierVersionsAreRead() {
    DedupEntry e = DedupEntry.of(article(Hashing.articleId("https://example.org/2"), null));
    assertSame(DedupEntrySerde.fromBytes(JSON.toBytes(e)), e);
    DedupEntry bucket = new DedupEntry(null, List.of("a-1", "a-2"), 9L);
    assertSame(DedupEntrySerde.INSTANCE.deserializer().deserialize("t", JSON.toBytes(bucket)), bucket);
  }

  @Test
  void aFullBucketTakesAThirdOfItsJson() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < Deduplicator.MAX_BUCKET; i++) {
      ids.add(Hashing.articleId("https://example.org/" + i));
    }
    DedupEntry bucket = new DedupEntry(null, ids, 1_700_000_000_000L);
    int binary = DedupEntrySerde.toBytes(bucket).length;
    int json = JSON.toBytes(bucket).length;
    assertThat(binary).isLessThan(json / 2);
    assertThat(binary).isEqualTo(1 + 1 + 1 + Deduplicator.MAX_BUCKET * 10 + 8);
  }

  @Test
  void aCutOrUnknownEntryIsASerializationError() {
    byte[] b = DedupEntrySerde.toBytes(DedupEntry.of(article("a-0000000000000001", null)));
    assertThatThrownBy(() -> DedupEntrySerde.fromBytes(Arrays.copyOf(b, b.length - 3)))
        .isInstanceOf(SerializationException.class);
    byte[] unknown = b.clone();
    unknown[0] = 9;
    assertThatThrownBy(() -> DedupEntrySerde.fromBytes(unknown)).isInstanceOf(SerializationException.class);
    byte[] longer = Arrays.copyOf(b, b.length + 1);
    assertThatThrownBy(() -> DedupEntrySerde.fromBytes(longer)).isInstanceOf(SerializationException.class);
  }
}
