package io.newsmon.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.config.KafkaSettings;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.config.ProcessorSettings;
import io.newsmon.common.config.SinkSettings;
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
    assertThat(NewsmonConfig.defaults().get(KafkaSettings.TOPICS_PARTITIONS)).isEqualTo(4);
  }

  @Test
  void userFileThenEnvironmentThenOverridesWin(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("newsmon.properties");
    Files.writeString(file, "topics.partitions=8\nprocessor.threads=3\nkafka.security.protocol=SASL_SSL\n");
    NewsmonConfig c = NewsmonConfig.load(file,
        Map.of("NEWSMON_PROCESSOR_THREADS", "5", "NEWSMON_KAFKA_SASL_MECHANISM", "PLAIN", "HOME", "/x"),
        Map.of("processor.dedup.window", "2d"));
    assertThat(c.get(KafkaSettings.TOPICS_PARTITIONS)).isEqualTo(8);
    assertThat(c.get(ProcessorSettings.THREADS)).isEqualTo(5);
    assertThat(c.get(ProcessorSettings.DEDUP_WINDOW)).isEqualTo(Duration.ofDays(2));
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
  void badValuesAreRefusedWhenTheConfigurationIsBuiltNamingTheSetting() {
    assertThatThrownBy(() -> NewsmonConfig.defaults().with("processor.dedup.window", "soon"))
        .hasMessageContaining("processor.dedup.window").hasMessageContaining("duration");
    assertThat(NewsmonConfig.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(NewsmonConfig.parseDuration("0")).isEqualTo(Duration.ZERO);
    assertThat(NewsmonConfig.parseDuration("PT15M")).isEqualTo(Duration.ofMinutes(15));
    assertThat(NewsmonConfig.defaults().with("processor.max-text-chars", "2m").get(ProcessorSettings.MAX_TEXT_CHARS))
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

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "ingestor.poll-interval|-5m|at least 1s",
      "ingestor.poll-interval|0s|at least 1s",
      "ingestor.connect-timeout|-1s|at least 1ms",
      "ingestor.read-timeout|0|at least 1ms",
      "ingestor.max-redirects|-1|",
      "ingestor.max-bytes|0|at least 1",
      "ingestor.threads|0|",
      "processor.threads|1k|",
      "processor.dedup.max-hamming|4|",
      "processor.dedup.min-containment|1.5|",
      "processor.story.window|-3d|at least 1ms",
      "sink.webhook.attempts|0|",
      "sink.webhook.format|xml|",
      "sink.webhook.url|ftp://hooks.example.com/x|http",
      "topics.partitions|0|",
      "embedded.port|70000|",
      "ingestor.robots|maybe|true or false",
      "sink.watch.morocco-kazakhstan.min-score|2|between"})
  void everyDurationSizeAndCountIsValidatedWithTheSettingNamed(String key, String value, String expected) {
    assertThatThrownBy(() -> NewsmonConfig.load(null, Map.of(), Map.of(key, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + key + "'")
        .hasMessageContaining(expected == null ? "" : expected);
  }

  @Test
  void environmentValuesAreValidatedToo() {
    assertThatThrownBy(() -> NewsmonConfig.load(null, Map.of("NEWSMON_INGESTOR_POLL_INTERVAL", "-5m"), Map.of()))
        .hasMessageContaining("ingestor.poll-interval");
  }

  @Test
  void secretsAreMaskedByKind() {
    NewsmonConfig c = NewsmonConfig.load(null, Map.of(), Map.of(
        "sink.webhook.url", "https://hooks.example.com/services/T000/B000/XXXXSECRET",
        "kafka.ssl.keystore.key", "-----BEGIN PRIVATE KEY-----abc",
        "kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required password=\"p\";",
        "kafka.sasl.oauthbearer.token.endpoint.url", "https://user:pw@idp.example.com/token",
        "kafka.basic.auth.user.info", "user:pw",
        "kafka.security.protocol", "SASL_SSL"));
    assertThat(c.shown("sink.webhook.url")).isEqualTo("https://hooks.example.com/********").doesNotContain("SECRET");
    assertThat(c.shown("kafka.ssl.keystore.key")).isEqualTo("********");
    assertThat(c.shown("kafka.sasl.jaas.config")).isEqualTo("********");
    assertThat(c.shown("kafka.sasl.oauthbearer.token.endpoint.url")).doesNotContain("pw").contains("idp.example.com");
    assertThat(c.shown("kafka.basic.auth.user.info")).isEqualTo("********");
    assertThat(c.shown("kafka.security.protocol")).isEqualTo("SASL_SSL");
    assertThat(c.get(SinkSettings.WEBHOOK_URL)).endsWith("XXXXSECRET");
  }

  @Test
  void theDocumentationIsGeneratedFromTheDeclarations() throws Exception {
    String file = NewsmonConfig.defaultsFile();
    NewsmonConfig.documented().values().forEach(s -> assertThat(file).contains("\n" + s.key() + "=" + s.defaultValue() + "\n"));
    // the generated file reads back as a --config file giving the defaults
    Path dir = Files.createTempDirectory("cfg");
    Path f = dir.resolve("defaults.properties");
    Files.writeString(f, file);
    assertThat(NewsmonConfig.load(f, Map.of(), Map.of()).asMap()).isEqualTo(NewsmonConfig.defaults().asMap());
    Path doc = Path.of("../docs/configuration.md");
    if (Files.exists(Path.of("../pom.xml"))) {
      assertThat(Files.exists(doc) ? Files.readString(doc) : "")
          .as("docs/configuration.md is out of date: regenerate it with 'newsmon config --markdown > docs/configuration.md'")
          .isEqualTo(NewsmonConfig.markdown());
    }
  }
}
