package io.newsmon.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.ArticleAnalyzer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the analyse step turns into a dead letter, and what it leaves to Kafka Streams. */
class AnalyzeProcessorTest {

  static ArticleAnalyzer analyzer;

  @BeforeAll
  static void load() {
    analyzer = ArticleAnalyzer.create(NewsmonConfig.defaults());
  }

  static byte[] article() {
    RawArticle a = RawArticle.builder().url("https://news.example/rabat-astana")
        .title("Morocco and Kazakhstan sign a trade agreement")
        .text("Rabat and Astana signed a trade agreement on Monday, the foreign ministers of Morocco and "
            + "Kazakhstan said after their talks in the Moroccan capital.")
        .fetchedAt(Instant.parse("2026-11-30T10:00:00Z")).build();
    return JsonSerde.of(RawArticle.class).toBytes(a);
  }

  /** A context whose forward fails the way a fenced producer makes it fail, after counting calls. */
  static final class FencedContext extends MockProcessorContext<String, Outcome> {
    final List<Object> forwarded = new ArrayList<>();

    @Override
    public <K extends String, V extends Outcome> void forward(Record<K, V> record) {
      forwarded.add(record.value());
      throw new ProducerFencedException("fenced by a newer instance");
    }
  }

  @Test
  void aKafkaErrorDownstreamReachesStreamsInsteadOfMakingTheArticleADeadLetter() {
    AnalyzeProcessor step = new AnalyzeProcessor(analyzer, 1_000_000);
    FencedContext context = new FencedContext();
    context.setCurrentSystemTimeMs(1_000L);
    step.init(context);
    byte[] value = article();
    assertThatThrownBy(() -> step.process(new Record<>("k".getBytes(StandardCharsets.UTF_8), value, 0L)))
        .isInstanceOf(ProducerFencedException.class);
    assertThat(context.forwarded).hasSize(1).allMatch(v -> v instanceof Analysed);
  }

  @Test
  void aRecordThatCannotBeReadBecomesAFailureWithItsBytes() {
    AnalyzeProcessor step = new AnalyzeProcessor(analyzer, 1_000_000);
    MockProcessorContext<String, Outcome> context = new MockProcessorContext<>();
    context.setCurrentSystemTimeMs(1_000L);
    step.init(context);
    byte[] junk = "{not json".getBytes(StandardCharsets.UTF_8);
    step.process(new Record<>(null, junk, 0L));
    assertThat(context.forwarded()).hasSize(1);
    Outcome out = context.forwarded().get(0).record().value();
    assertThat(out).isInstanceOf(Failed.class);
    assertThat(((Failed) out).originalValue()).isEqualTo(junk);
    assertThat(((Failed) out).reason().stage()).isEqualTo("parse");
  }
}
