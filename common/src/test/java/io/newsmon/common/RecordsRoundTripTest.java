package io.newsmon.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.Alert;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.DeadLetter;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class RecordsRoundTripTest {

  private final RawArticle raw = RawArticle.builder()
      .url("https://example.ma/a?utm_source=x").canonicalUrl("https://example.ma/a")
      .sourceId("example").title("Rabat et Astana").text("Le Maroc et le Kazakhstan ...")
      .languageHint("fr").publishedAt(Instant.parse("2025-02-28T10:00:00Z")).build();

  @Test
  void processedArticleSurvivesTheSerde() {
    Analysis analysis = new Analysis(new Analysis.Language("fr", 0.97), "ab", "00ff", null, "s-1",
        List.of(new Analysis.Entity("ma:country", "country", "MA", "Maroc", 3, 8)), List.of("diplomacy"),
        List.of(new Analysis.WatchMatch("morocco-kazakhstan", true, 0.9,
            List.of(new Analysis.Evidence("Le Maroc et le Kazakhstan", 0, 25)))));
    ProcessedArticle p = ProcessedArticle.of("a-1", raw, analysis);
    byte[] bytes = Topics.PROCESSED.valueSerde().serializer().serialize("t", p);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"publishedAt\":\"2025-02-28T10:00:00Z\"");
    ProcessedArticle back = Topics.PROCESSED.valueSerde().deserializer().deserialize("t", bytes);
    assertThat(back).isEqualTo(p);
    assertThat(back.analysis().relevant()).isTrue();
    assertThat(raw.key()).isEqualTo("https://example.ma/a");
  }

  @Test
  void alertSurvivesTheSerde() {
    Alert a = new Alert(Alert.SCHEMA_VERSION, "al-1", 2, "morocco-kazakhstan", "s-1", "a-1", "u", "t", "fr",
        Instant.EPOCH, 0.8, List.of("trade"), List.of(), new Alert.Copies(1, List.of("u2")), Instant.EPOCH,
        Instant.EPOCH, "1");
    assertThat(Topics.ALERTS.valueSerde().deserializer().deserialize("t",
        Topics.ALERTS.valueSerde().serializer().serialize("t", a))).isEqualTo(a);
  }

  @Test
  void garbageIsASerializationErrorNamingTheType() {
    assertThatThrownBy(() -> Topics.RAW.valueSerde().deserializer()
        .deserialize("t", "{not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("RawArticle");
  }

  @Test
  void deadLetterHeadersRoundTrip() {
    DeadLetter d = DeadLetter.of("parse", "news.raw", 2, 41L, new IllegalStateException("bad record"));
    DeadLetter back = DeadLetter.fromHeaders(d.toHeaders());
    assertThat(back.stage()).isEqualTo("parse");
    assertThat(back.partition()).isEqualTo(2);
    assertThat(back.offset()).isEqualTo(41L);
    assertThat(back.errorMessage()).isEqualTo("bad record");
    assertThat(back.errorClass()).isEqualTo(IllegalStateException.class.getName());
  }

  @Test
  void watchTopicNamesAreChecked() {
    assertThat(Topics.watchAlerts("morocco-kazakhstan").name()).isEqualTo("alerts.morocco-kazakhstan");
    assertThatThrownBy(() -> Topics.watchAlerts("Bad Name")).isInstanceOf(IllegalArgumentException.class);
  }
}
