package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmon.common.fixtures.RelevantArticles;
import io.newsmon.common.hostile.HostileCorpus;
import io.newsmon.common.kafka.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyze contract: one JSON line per input, in input order, errors in place. */
class AnalyzeCommandTest {

  private static final String RELEVANT_FR = "Le ministre des Affaires étrangères Nasser Bourita a reçu à Rabat "
      + "son homologue kazakh Murat Nurtleu. Le Maroc et le Kazakhstan ont signé un accord sur le commerce "
      + "du blé et sur l'exemption de visas pour les passeports diplomatiques.";
  private static final String UNRELATED_EN = "Spain and Portugal agreed on Monday to build a new bridge across "
      + "the Guadiana river, the two governments said after a summit in Lisbon.";

  @Test
  void jsonLinesTextAndGzipInputsGiveOneLineEachInOrder(@TempDir Path dir) throws Exception {
    Path jsonl = dir.resolve("batch.jsonl");
    Files.writeString(jsonl, String.join("\n",
        json("fr-1", "https://a.example/fr-1", RELEVANT_FR),
        "{\"id\": \"broken\", \"text\": ",
        json("en-1", "https://b.example/en-1", UNRELATED_EN),
        json("fr-copy", "https://c.example/fr-copy", "RABAT (Agences) - " + RELEVANT_FR)) + "\n");
    Path txt = dir.resolve("note.txt");
    Files.writeString(txt, UNRELATED_EN);
    Path gz = dir.resolve("again.txt.gz");
    try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(RELEVANT_FR.getBytes(StandardCharsets.UTF_8));
    }

    List<JsonNode> lines = run(jsonl.toString(), txt.toString(), gz.toString());

    assertThat(lines).extracting(l -> l.get("id").asText())
        .containsExactly("fr-1", "batch.jsonl:2", "en-1", "fr-copy", "note.txt", "again.txt");
    assertThat(lines.get(0).get("relevant").asBoolean()).isTrue();
    assertThat(lines.get(0).get("language").asText()).isEqualTo("fr");
    assertThat(lines.get(0).get("evidence")).isNotEmpty();
    assertThat(lines.get(1).get("error").asText()).contains("line 2");
    assertThat(lines.get(2).get("relevant").asBoolean()).isFalse();
    assertThat(lines.get(2).get("language").asText()).isEqualTo("en");
    assertThat(lines.get(3).get("duplicateOf").asText()).isEqualTo("fr-1");
    assertThat(lines.get(0).get("duplicateOf").isNull()).isTrue();
    assertThat(lines.get(5).get("duplicateOf").asText()).as("exact copy of fr-1").isEqualTo("fr-1");
    // the same input gives the same bytes in every run: keys in a fixed order, watches' keys included
    List<String> watchKeys = new ArrayList<>();
    lines.get(0).get("watches").get(0).fieldNames().forEachRemaining(watchKeys::add);
    assertThat(watchKeys).containsExactly("watchId", "relevant", "score");
    List<String> keys = new ArrayList<>();
    lines.get(0).fieldNames().forEachRemaining(keys::add);
    assertThat(keys).startsWith("id", "language", "languageConfidence", "duplicateOf", "storyId", "relevant",
        "score");
  }

  @Test
  void articlesOverTheTextCapGetAnErrorLineAndTheRestGoOn(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("a-big.txt");
    Files.writeString(big, HostileCorpus.mentionDenseText(1_200_000));
    Path dense = dir.resolve("b-dense.txt");
    Files.writeString(dense, HostileCorpus.mentionDenseText(300_000));
    Path jsonl = dir.resolve("c-lines.jsonl");
    Files.writeString(jsonl, json("huge", "https://a.example/huge", HostileCorpus.mentionDenseText(1_100_000)) + "\n"
        + json("small", "https://a.example/small", RELEVANT_FR) + "\n");

    List<JsonNode> lines = run(big.toString(), dense.toString(), jsonl.toString());

    assertThat(lines).extracting(l -> l.get("id").asText()).containsExactly("a-big.txt", "b-dense.txt", "huge", "small");
    assertThat(lines.get(0).get("error").asText()).contains("processor.max-text-chars=1000000");
    assertThat(lines.get(1).get("entities").size()).isGreaterThan(10_000);
    assertThat(lines.get(1).get("evidence").size()).isBetween(1, 5);
    assertThat(lines.get(2).get("error").asText()).contains("processor.max-text-chars");
    assertThat(lines.get(3).get("relevant").asBoolean()).isTrue();
  }

  @Test
  void seedArticlesAreAllRelevantInTheirLanguages() throws Exception {
    Path seeds = Path.of("../../shared/corpus/seeds");
    Assumptions.assumeTrue(Files.isDirectory(seeds), "acceptance seeds not present at " + seeds.toAbsolutePath());
    List<String> files = new ArrayList<>();
    try (var list = Files.list(seeds)) {
      list.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(p -> files.add(p.toString()));
    }
    List<JsonNode> lines = run(files.toArray(String[]::new));
    assertThat(lines).hasSize(5);
    assertThat(lines).allSatisfy(l -> assertThat(l.get("relevant").asBoolean()).as(l.get("id").asText()).isTrue());
    assertThat(lines).extracting(l -> l.get("language").asText()).containsExactly("ar", "ar", "ar", "fr", "ar");
  }

  @Test
  void fixtureArticlesAreAllRelevantInTheirLanguages(@TempDir Path dir) throws Exception {
    RelevantArticles.write(dir.resolve("articles"));
    List<JsonNode> lines = run(dir.resolve("articles").toString());
    assertThat(lines).extracting(l -> l.get("id").asText())
        .containsExactlyElementsOf(RelevantArticles.ALL.stream().map(RelevantArticles.Article::file).toList());
    assertThat(lines).allSatisfy(l -> assertThat(l.get("relevant").asBoolean()).as(l.toString()).isTrue());
    assertThat(lines).extracting(l -> l.get("language").asText()).containsExactlyElementsOf(RelevantArticles.languages());
  }

  @Test
  void aTextFilesShortFirstLineIsItsTitleAndOtherInputsAreReportedInPlace(@TempDir Path dir) throws Exception {
    Path titled = dir.resolve("titled.txt");
    Files.writeString(titled, "Rabat et Astana signent un accord\n\n" + RELEVANT_FR);
    Path html = dir.resolve("page.html");
    // windows-1252 bytes declared in the page: decoded as the live ingestor decodes them
    Files.write(html, ("<html lang=fr><head><meta charset=\"windows-1252\"><title>Accord sign\u00e9</title></head>"
        + "<body><article><p>" + RELEVANT_FR + "</p></article></body></html>").getBytes("windows-1252"));
    Path other = dir.resolve("notes.md");
    Files.writeString(other, RELEVANT_FR);

    List<JsonNode> lines = run(titled.toString(), html.toString(), other.toString(), dir.resolve("gone.txt").toString());

    assertThat(lines).extracting(l -> l.get("id").asText())
        .containsExactly("titled.txt", "page.html", "notes.md", "gone.txt");
    assertThat(lines.get(0).get("relevant").asBoolean()).isTrue();
    assertThat(lines.get(1).get("language").asText()).isEqualTo("fr");
    assertThat(lines.get(1).get("duplicateOf").asText()).as("same text as titled.txt once decoded").isEqualTo("titled.txt");
    assertThat(lines.get(2).get("error").asText()).contains("unknown file type");
    assertThat(lines.get(3).get("error").asText()).contains("no such file");
  }

  private static String json(String id, String url, String text) throws Exception {
    return Json.mapper().writeValueAsString(java.util.Map.of("id", id, "url", url, "text", text,
        "published", "2026-11-10T08:00:00Z"));
  }

  private static List<JsonNode> run(String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      String[] full = new String[args.length + 1];
      full[0] = "analyze";
      System.arraycopy(args, 0, full, 1, args.length);
      Main.commandLine().execute(full);
    } finally {
      System.setOut(saved);
    }
    List<JsonNode> out = new ArrayList<>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        out.add(Json.mapper().readTree(line));
      }
    }
    return out;
  }
}
