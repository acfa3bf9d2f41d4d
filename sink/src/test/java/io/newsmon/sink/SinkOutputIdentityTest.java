package io.newsmon.sink;

import static io.newsmon.sink.Fixtures.WATCH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.Alert;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.sink.alert.AlertPolicy;
import io.newsmon.sink.alert.AlertRules;
import io.newsmon.sink.alert.AlertState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytes the sink writes on news.enriched and news.alerts, and the alert ids, are those of the
 * plain path: every processed record read whole, re-written whole on news.enriched, and the alert
 * policy applied to the whole article with the story's states as a store scan gives them. The
 * inputs are written as the processor writes news.processed (the raw article's JSON and the analysis'
 * JSON with the dedup fields appended), with escapes, scripts, unknown fields, two watches, copies
 * and coverage of one story, and a replay of them all.
 */
class SinkOutputIdentityTest {

  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  private static final String OTHER_WATCH = "kazakhstan-egypt";
  private static final JsonSerde<ProcessedArticle> ARTICLE = JsonSerde.of(ProcessedArticle.class);
  private static final JsonSerde<Alert> ALERT = JsonSerde.of(Alert.class);
  private static final JsonSerde<RawArticle> RAW = JsonSerde.of(RawArticle.class);
  private static final ObjectWriter UNDECIDED = Json.mapper().copy()
      .addMixIn(Analysis.class, WithoutDecision.class).writerFor(Analysis.class);

  @JsonIgnoreProperties({"duplicateOf", "storyId"})
  private abstract static class WithoutDecision {}

  @TempDir
  Path stateDir;

  @Test
  void enrichedRecordsAlertsAndAlertIdsAreThoseOfThePlainPath() throws Exception {
    List<byte[]> inputs = inputs();
    List<byte[]> all = new ArrayList<>(inputs);
    all.addAll(inputs); // a replay of the same records

    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sink-identity");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    NewsmonConfig config = NewsmonConfig.defaults().with("sink.watch-topics", "*");
    List<String[]> enriched = new ArrayList<>();
    List<String[]> alerts = new ArrayList<>();
    List<String[]> watchAlerts = new ArrayList<>();
    try (TopologyTestDriver driver = new TopologyTestDriver(SinkTopology.build(config), props, START)) {
      TestInputTopic<byte[], byte[]> in = driver.createInputTopic(Topics.PROCESSED.name(),
          Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
      for (byte[] value : all) {
        in.pipeInput(ARTICLE.fromBytes(value).id().getBytes(StandardCharsets.UTF_8), value);
      }
      read(driver, Topics.ENRICHED.name(), enriched);
      read(driver, Topics.ALERTS.name(), alerts);
      read(driver, Topics.watchAlerts(WATCH).name(), watchAlerts);
      read(driver, Topics.watchAlerts(OTHER_WATCH).name(), watchAlerts);
      assertThat(driver.createOutputTopic(Topics.DEADLETTER.name(), Serdes.ByteArray().deserializer(),
          Serdes.ByteArray().deserializer()).isEmpty()).isTrue();
    }

    // the plain path
    List<String[]> expectedEnriched = new ArrayList<>();
    List<String[]> expectedAlerts = new ArrayList<>();
    AlertPolicy policy = new AlertPolicy(AlertRules.from(config));
    Map<String, TreeMap<String, AlertState>> store = new HashMap<>();
    for (byte[] value : all) {
      ProcessedArticle a = ARTICLE.fromBytes(value);
      if (!a.duplicate()) {
        expectedEnriched.add(new String[] {a.id(), new String(ARTICLE.toBytes(a), StandardCharsets.UTF_8)});
      }
      if (a.duplicate() || a.analysis().relevant()) {
        TreeMap<String, AlertState> story = store.computeIfAbsent(a.analysis().storyId(), s -> new TreeMap<>());
        Map<String, AlertState> states = new HashMap<>();
        story.forEach(states::put);
        AlertPolicy.Outcome outcome = policy.onArticle(a, states, START);
        story.putAll(outcome.changed());
        for (Alert alert : outcome.publish()) {
          expectedAlerts.add(new String[] {alert.alertId(), new String(ALERT.toBytes(alert), StandardCharsets.UTF_8)});
        }
      }
    }

    assertThat(enriched).as("news.enriched").hasSize(expectedEnriched.size());
    for (int i = 0; i < enriched.size(); i++) {
      assertThat(enriched.get(i)).as("enriched record %d", i).containsExactly(expectedEnriched.get(i));
    }
    assertThat(alerts).as("news.alerts").hasSize(expectedAlerts.size()).hasSizeGreaterThan(6);
    for (int i = 0; i < alerts.size(); i++) {
      assertThat(alerts.get(i)).as("alert %d", i).containsExactly(expectedAlerts.get(i));
    }
    assertThat(watchAlerts).hasSize(alerts.size());
    assertThat(alerts.stream().map(r -> r[0]).distinct())
        .as("two watches on one story, three stories with alerts").hasSize(4);
  }

  private static void read(TopologyTestDriver driver, String topic, List<String[]> out) {
    TestOutputTopic<byte[], byte[]> t = driver.createOutputTopic(topic, Serdes.ByteArray().deserializer(),
        Serdes.ByteArray().deserializer());
    for (TestRecord<byte[], byte[]> r : t.readRecordsToList()) {
      out.add(new String[] {new String(r.key(), StandardCharsets.UTF_8), new String(r.value(), StandardCharsets.UTF_8)});
    }
  }

  /** news.processed values as the processor writes them. */
  private static List<byte[]> inputs() throws Exception {
    List<byte[]> out = new ArrayList<>();
    List<Analysis.WatchMatch> both = List.of(Fixtures.match(WATCH, true, 0.9), Fixtures.match(OTHER_WATCH, true, 0.7));
    String text = "Le Kazakhstan et le Maroc ont signé un accord à Rabat.\n\t« Citation » \"entre guillemets\" \\ "
        + "Астана, الرباط, 東京, 🚀 and a control \u0001 character.";
    out.add(processed("a-1", raw("https://le360.ma/a", "feed-le360", "Astana et Rabat", text), analysis("fr", both),
        null, "s-1"));
    out.add(processed("a-2", raw("https://hespress.com/fr/b", "replay", "Copie", text), analysis("fr", both),
        "a-1", "s-1"));
    out.add(processed("a-3", raw("https://kazinform.kz/c", "kazinform", "Казахстан и Марокко", "Текст."),
        analysis("ru", List.of(Fixtures.match(WATCH, true, 0.8))), null, "s-1"));
    out.add(processed("a-4", raw("https://elpais.com/d", "file", "No relevante", "Texto."),
        analysis("es", List.of(Fixtures.match(WATCH, false, 0.2))), null, "s-4"));
    out.add(processed("a-5", raw("https://www.aa.com.tr/e", "replay", "Second story", "Text."),
        analysis("en", List.of(Fixtures.match(WATCH, true, 0.6))), null, "s-5"));
    out.add(processed("a-6", raw("https://x.example/f", null, "Copy of the second", "Text."),
        analysis("en", List.of(Fixtures.match(WATCH, false, 0.1))), "a-5", "s-5"));
    // hand-written: escapes that Jackson writes otherwise, an unknown field, fields missing
    out.add(("{\"schemaVersion\":1,\"id\":\"a-7\",\"article\":{\"schemaVersion\":1,\"url\":\"https:\\/\\/le360.ma\\/g\","
        + "\"title\":\"Caf\\u00e9 \\u0410\\u0441\\u0442\\u0430\\u043d\\u0430\",\"text\":\"x\\r\\ny\",\"extra\":[1,2],"
        + "\"publishedAt\":\"2025-02-28T10:00:00.000Z\"},\"analysis\":{\"language\":{\"code\":\"fr\",\"confidence\":0.970},"
        + "\"topics\":[\"diplomacy\"],\"watches\":[{\"watchId\":\"" + WATCH + "\",\"relevant\":true,\"score\":7.5E-1,"
        + "\"evidence\":[{\"text\":\"le Maroc\",\"start\":1,\"end\":9}],\"notes\":[\"n\"]}],\"unknown\":{\"a\":null},"
        + "\"duplicateOf\":null,\"storyId\":\"s-7\"}}").getBytes(StandardCharsets.UTF_8));
    out.add(processed("a-8", raw("https://le360.ma/h", "feed-le360", "Third on the first story", "Texte."),
        analysis("ar", both), null, "s-1"));
    return out;
  }

  private static RawArticle raw(String url, String source, String title, String text) {
    return RawArticle.builder().url(url).canonicalUrl(url + "?canonical").sourceId(source).origin("feed").title(title)
        .summary("Résumé").text(text).author("A. Auteur").publishedAt(Instant.parse("2025-02-28T10:00:00Z"))
        .fetchedAt(Instant.parse("2025-02-28T10:05:00.5Z")).build();
  }

  private static Analysis analysis(String lang, List<Analysis.WatchMatch> watches) {
    return new Analysis(new Analysis.Language(lang, 0.97), "c0ffee", "0123456789abcdef", null, null,
        List.of(new Analysis.Entity("ma:rabat", "place", "ma", "Rabat", 3, 8)), List.of("diplomacy", "trade"), watches,
        new Analysis.Event("2025-02-28", false, List.of("signing"), List.of("rbt"), List.of("400000"), List.of(),
            List.of(), "2025-02-28"));
  }

  private static byte[] processed(String id, RawArticle raw, Analysis analysis, String duplicateOf, String storyId)
      throws Exception {
    String an = UNDECIDED.writeValueAsString(analysis);
    return ("{\"schemaVersion\":1,\"id\":\"" + id + "\",\"article\":" + new String(RAW.toBytes(raw), StandardCharsets.UTF_8)
        + ",\"analysis\":" + an.substring(0, an.lastIndexOf('}')) + ",\"duplicateOf\":"
        + (duplicateOf == null ? "null" : "\"" + duplicateOf + "\"") + ",\"storyId\":\"" + storyId + "\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
