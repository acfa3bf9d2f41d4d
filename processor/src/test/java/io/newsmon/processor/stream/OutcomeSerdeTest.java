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

/** The values of the dedup repartition topic and of the dedup store survive JSON. */
class OutcomeSerdeTest {

  @Test
  void anAnalysedArticleKeepsItsFingerprintThroughTheRepartitionTopic() {
    Fingerprint fp = Fingerprinter.fingerprint(FingerprinterTest.BASE);
    ProcessedArticle p = ProcessedArticle.of("a-1", RawArticle.builder().url("u").text("t").build(),
        new Analysis(new Analysis.Language("en", 1), "h", fp.hex(), null, null, List.of(), List.of(), List.of()));
    JsonSerde<Outcome> serde = JsonSerde.of(Outcome.class);
    Outcome back = serde.fromBytes(serde.toBytes(Outcome.ok(p, fp)));
    assertThat(back.fingerprint()).isEqualTo(fp);
    assertThat(back.article()).isEqualTo(p);
    assertThat(back.isFailure()).isFalse();
  }

  @Test
  void dedupEntriesSurviveJson() {
    SeenArticle a = new SeenArticle("a-1", "h", -5L, new long[] {1, 2, 3}, null, "s-1",
        List.of("ma:bourita"), 10L, 20L, List.of("trade"));
    JsonSerde<DedupEntry> serde = JsonSerde.of(DedupEntry.class);
    DedupEntry back = serde.fromBytes(serde.toBytes(DedupEntry.of(a)));
    assertThat(back.article().sample()).containsExactly(1, 2, 3);
    assertThat(back.article().simhash()).isEqualTo(-5L);
    assertThat(back.article().entities()).containsExactly("ma:bourita");
    assertThat(back.article().topics()).containsExactly("trade");
    assertThat(back.seenAt()).isEqualTo(20L);
    DedupEntry bucket = serde.fromBytes(serde.toBytes(new DedupEntry(null, List.of("a-1", "a-2"), 7L)));
    assertThat(bucket.ids()).containsExactly("a-1", "a-2");
    assertThat(bucket.article()).isNull();
  }
}
