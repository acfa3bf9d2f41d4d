package io.newsmon.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.config.NewsmonConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsmonConfigTest {

  @Test
  void everyDefaultIsDocumented() {
    assertThat(NewsmonConfig.documented()).isNotEmpty();
    NewsmonConfig.documented().values().forEach(s -> assertThat(s.doc()).as(s.key()).isNotBlank());
    assertThat(NewsmonConfig.defaults().integer("topics.partitions")).isEqualTo(4);
  }

  @Test
  void userFileThenEnvironmentThenOverridesWin(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("newsmon.properties");
    Files.writeString(file, "topics.partitions=8\nprocessor.threads=3\nkafka.security.protocol=SASL_SSL\n");
    NewsmonConfig c = NewsmonConfig.load(file,
        Map.of("NEWSMON_PROCESSOR_THREADS", "5", "NEWSMON_KAFKA_SASL_MECHANISM", "PLAIN", "HOME", "/x"),
        Map.of("processor.dedup.window", "2d"));
    assertThat(c.integer("topics.partitions")).isEqualTo(8);
    assertThat(c.integer("processor.threads")).isEqualTo(5);
    assertThat(c.duration("processor.dedup.window")).isEqualTo(Duration.ofDays(2));
    assertThat(c.kafkaProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN");
  }

  @Test
  void unknownKeyIsRefusedWithASuggestion() {
    assertThatThrownBy(() -> NewsmonConfig.defaults().with("topics.partition", "3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("did you mean 'topics.partitions'");
  }

  @Test
  void badValuesAreExplained() {
    NewsmonConfig c = NewsmonConfig.defaults().with("processor.dedup.window", "soon");
    assertThatThrownBy(() -> c.duration("processor.dedup.window"))
        .hasMessageContaining("processor.dedup.window").hasMessageContaining("duration");
    assertThat(NewsmonConfig.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(NewsmonConfig.parseDuration("0")).isEqualTo(Duration.ZERO);
    assertThat(NewsmonConfig.parseDuration("PT15M")).isEqualTo(Duration.ofMinutes(15));
    assertThat(NewsmonConfig.defaults().with("processor.max-text-chars", "2m").longValue("processor.max-text-chars"))
        .isEqualTo(2 * 1024 * 1024);
  }

  @Test
  void patternKeysAcceptAnyNameAndFallBack() {
    NewsmonConfig c = NewsmonConfig.defaults().with("sink.watch.morocco-kazakhstan.min-score", "0.8");
    assertThat(c.stringFor("sink.watch.<id>.min-score", "morocco-kazakhstan", "sink.alert.min-score")).isEqualTo("0.8");
    assertThat(c.stringFor("sink.watch.<id>.min-score", "other", "sink.alert.min-score")).isEqualTo("0.5");
    assertThatThrownBy(() -> NewsmonConfig.defaults().with("sink.watch.a.b.min-score", "1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
