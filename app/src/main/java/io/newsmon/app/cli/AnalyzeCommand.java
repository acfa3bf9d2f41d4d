package io.newsmon.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.common.cli.ConfigOptions;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.extract.ArticleExtractor;
import io.newsmon.ingestor.extract.ExtractedArticle;
import io.newsmon.common.config.ProcessorSettings;
import io.newsmon.processor.BatchAnalyzer;
import io.newsmon.processor.stream.OversizeException;
import io.newsmon.sink.replay.JsonlArticles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The processor's analysis without Kafka: language, duplicates, story, relevance, entities, topics
 * and evidence, one JSON line out per article in, in input order.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = {
        "Analyse articles as the processor would, without Kafka, and print one JSON line per article "
            + "in input order: id, language, languageConfidence, duplicateOf, storyId, relevant, score, "
            + "entities, topics, evidence, notes (names and sentences not taken as a relation, and why).",
        "Inputs: JSON-lines files (.jsonl/.json: objects with id, url, title, text, optional published), "
            + ".txt and .html files (the id is the file name), folders of those, or standard input "
            + "(JSON lines) when no FILE is given. .gz files are read as gzip. Duplicates are judged "
            + "in input order, as the stream would judge them.",
        "A line that cannot be read, or an article longer than processor.max-text-chars (as the "
            + "stream would dead-letter it), gives {\"id\": ..., \"error\": ...} in its place; the rest go on."})
public final class AnalyzeCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Articles to analyse (.jsonl, .json, .txt, .html, .gz, folders); default: standard input.")
  List<Path> files = new ArrayList<>();

  private final ArticleExtractor extractor = new ArticleExtractor();

  /** {@code processor.max-text-chars}: longer articles get an error line, as the stream dead-letters them. */
  private long maxChars;

  @Override
  public Integer call() throws Exception {
    var config = options.load();
    maxChars = config.longValue(ProcessorSettings.PROCESSOR_MAX_TEXT_CHARS);
    BatchAnalyzer analyzer = BatchAnalyzer.create(config);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    int failures = 0;
    if (files.isEmpty()) {
      failures += analyzeJsonLines("stdin", System.in, analyzer, out);
    }
    for (Path file : expand(files)) {
      try {
        failures += analyzeFile(file, analyzer, out);
      } catch (java.nio.file.NoSuchFileException e) {
        failures++;
        out.println(error(file.getFileName().toString(), "no such file: " + file));
      } catch (IOException | RuntimeException e) {
        failures++;
        out.println(error(file.getFileName().toString(), "cannot read " + file + ": " + e));
      }
      out.flush();
    }
    out.flush();
    return failures == 0 ? 0 : 1;
  }

  private static List<Path> expand(List<Path> paths) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (var walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).forEach(out::add);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  private int analyzeFile(Path file, BatchAnalyzer analyzer, PrintStream out) throws IOException {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    boolean gzip = lower.endsWith(".gz");
    String base = gzip ? lower.substring(0, lower.length() - 3) : lower;
    String id = gzip ? name.substring(0, name.length() - 3) : name;
    try (InputStream in = open(file, gzip)) {
      if (base.endsWith(".jsonl") || base.endsWith(".json") || base.endsWith(".ndjson")) {
        return analyzeJsonLines(name, in, analyzer, out);
      }
      // a UTF-8 character takes at most 4 bytes: reading 4 × the cap + 1 bytes tells whether a text
      // file is over it without holding all of a huge file
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, 4 * maxChars + 1));
      if (bytes.length > 4 * maxChars || in.read() >= 0) {
        out.println(error(id, new OversizeException(bytes.length / 4 + 1, maxChars).getMessage()));
        return 1;
      }
      String content = new String(bytes, StandardCharsets.UTF_8);
      RawArticle raw;
      if (base.endsWith(".html") || base.endsWith(".htm")) {
        ExtractedArticle page = extractor.extract(content, file.toUri().toString());
        raw = RawArticle.builder().url(file.toUri().toString()).canonicalUrl(page.canonicalUrl())
            .title(page.title()).text(page.text()).author(page.author()).publishedAt(page.publishedAt())
            .languageHint(page.languageHint()).origin("file").build();
      } else {
        raw = RawArticle.builder().url(file.toUri().toString()).text(content).origin("file").build();
      }
      return emit(id, raw, analyzer, out);
    }
  }

  /** Prints the analysis of one article, or an error line when it is over the text cap. */
  private int emit(String id, RawArticle raw, BatchAnalyzer analyzer, PrintStream out) throws IOException {
    long chars = length(raw.title()) + length(raw.summary()) + length(raw.text());
    if (chars > maxChars) {
      out.println(error(id, new OversizeException(chars, maxChars).getMessage()));
      return 1;
    }
    out.println(result(analyzer.next(id, raw)));
    return 0;
  }

  private static long length(String s) {
    return s == null ? 0 : s.length();
  }

  private static InputStream open(Path file, boolean gzip) throws IOException {
    InputStream in = Files.newInputStream(file);
    return gzip ? new GZIPInputStream(in) : in;
  }

  private int analyzeJsonLines(String name, InputStream in, BatchAnalyzer analyzer, PrintStream out)
      throws IOException {
    int failures = 0;
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String id = name + ":" + lineNo;
      if (line.length() > 6 * maxChars + (1 << 20)) {
        // even with every character escaped (\\uXXXX) the text is over the cap: not parsed
        failures++;
        out.println(error(id, "line " + lineNo + " of " + name + ": "
            + new OversizeException(line.length() / 6, maxChars).getMessage()));
        out.flush();
        continue;
      }
      try {
        JsonNode node = Json.mapper().readTree(line);
        if (!node.isObject()) {
          throw new IllegalArgumentException("not a JSON object");
        }
        id = text(node, "id") != null ? text(node, "id") : id;
        RawArticle article = JsonlArticles.parse(line).toBuilder().origin("file").build();
        failures += emit(id, article, analyzer, out);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        failures++;
        out.println(error(id, "line " + lineNo + " of " + name + ": not JSON: " + oneLine(e.getOriginalMessage())));
      } catch (IOException | RuntimeException e) {
        failures++;
        out.println(error(id, "line " + lineNo + " of " + name + ": " + oneLine(e.getMessage())));
      }
      out.flush();
    }
    return failures;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** The analyze contract: one flat JSON object per article. */
  static String result(ProcessedArticle p) throws IOException {
    Analysis a = p.analysis();
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("id", p.id());
    o.put("language", a.language().code());
    o.put("languageConfidence", Math.round(a.language().confidence() * 1000) / 1000.0);
    o.put("duplicateOf", a.duplicateOf());
    o.put("storyId", a.storyId());
    Analysis.WatchMatch best = a.watches().stream()
        .max(Comparator.comparingDouble(Analysis.WatchMatch::score)).orElse(null);
    o.put("relevant", a.relevant());
    o.put("score", best == null ? 0.0 : Math.round(best.score() * 1000) / 1000.0);
    o.set("entities", Json.mapper().valueToTree(a.entities()));
    o.set("topics", Json.mapper().valueToTree(a.topics()));
    o.set("evidence", Json.mapper().valueToTree(best == null ? List.of() : best.evidence()));
    o.set("notes", Json.mapper().valueToTree(best == null ? List.of() : best.notes()));
    o.set("watches", Json.mapper().valueToTree(a.watches().stream()
        .map(w -> java.util.Map.of("watchId", w.watchId(), "relevant", w.relevant(), "score", w.score()))
        .toList()));
    return Json.mapper().writeValueAsString(o);
  }

  private static String error(String id, String message) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("id", id);
    o.put("error", message);
    return o.toString();
  }

  private static String oneLine(String s) {
    return s == null ? "unreadable" : s.replaceAll("\\s+", " ");
  }
}
