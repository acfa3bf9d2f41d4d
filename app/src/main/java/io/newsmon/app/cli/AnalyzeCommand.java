package io.newsmon.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.common.cli.ConfigOptions;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.ArticleSource;
import io.newsmon.ingestor.Failure;
import io.newsmon.ingestor.archive.ArchiveSource;
import io.newsmon.common.config.ProcessorSettings;
import io.newsmon.processor.BatchAnalyzer;
import io.newsmon.processor.stream.OversizeException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The processor's analysis without Kafka: language, duplicates, story, relevance, entities, topics
 * and evidence, one JSON line out per article in, in input order. Files are read by the ingestor's
 * {@link ArchiveSource}, as {@code newsmon replay} reads them.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = {
        "Analyse articles as the processor would, without Kafka, and print one JSON line per article "
            + "in input order: id, language, languageConfidence, duplicateOf, storyId, relevant, score, "
            + "entities, topics, evidence, notes (names and sentences not taken as a relation, and why).",
        "Inputs are read as 'newsmon replay' reads them: JSON-lines files (.jsonl/.ndjson/.json: objects "
            + "with id or url, title, text, optional published; the id is the object's id, else "
            + "FILE:LINE), .txt files (a short first line is the title), .html files and WARC files "
            + "(.warc: HTML responses), any of them gzipped (.gz), folders of those, or standard input "
            + "(JSON lines) when no FILE is given. A .txt or .html file's id is its name (without .gz), a "
            + "WARC record's its URL. Duplicates are judged in input order, as the stream would judge them; "
            + "an article's time is its publication time, else its fetch time, else the previous "
            + "article's (a file's modification time is not used).",
        "An input that cannot be read, or an article longer than processor.max-text-chars (as the "
            + "stream would dead-letter it), gives {\"id\": ..., \"error\": ...} in its place; the rest go on."})
public final class AnalyzeCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Articles to analyse (.jsonl, .json, .txt, .html, .warc, .gz, folders); default: standard input.")
  List<Path> files = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    var config = options.load();
    long maxChars = config.get(ProcessorSettings.MAX_TEXT_CHARS);
    BatchAnalyzer analyzer = BatchAnalyzer.create(config);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    int[] failures = {0};
    ArchiveSource source = files.isEmpty() ? ArchiveSource.jsonLines("stdin", System.in)
        : new ArchiveSource(files).withoutFileTimes();
    source.read(new ArticleSource.Receiver() {
      @Override
      public void article(RawArticle article, String where, String label) {
        long chars = length(article.title()) + length(article.summary()) + length(article.text());
        if (chars > maxChars) {
          failures[0]++;
          out.println(error(label, where + ": " + new OversizeException(chars, maxChars).getMessage()));
          out.flush();
          return;
        }
        try {
          out.println(result(analyzer.next(label, article)));
        } catch (IOException | RuntimeException e) {
          failures[0]++;
          out.println(error(label, where + ": " + oneLine(e.getMessage())));
        }
        out.flush();
      }

      @Override
      public void failure(Failure f) {
        failures[0]++;
        out.println(error(label(f.url()), message(f.url(), f.reason())));
        out.flush();
      }
    });
    out.flush();
    return failures[0] == 0 ? 0 : 1;
  }

  private static long length(String s) {
    return s == null ? 0 : s.length();
  }

  /** A failure's id: the file name, with {@code :line} or {@code @offset} when it is one line or record. */
  static String label(String where) {
    String name = where.substring(Math.max(where.lastIndexOf('/'), where.lastIndexOf(java.io.File.separatorChar)) + 1);
    return name.replaceFirst("(?i)\\.gz(?=$|:\\d+$|@\\d+$)", "");
  }

  /** {@code line 2 of batch.jsonl: not JSON: ...} for a line, {@code PATH: reason} otherwise. */
  static String message(String where, String reason) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.*):(\\d+)").matcher(where);
    if (m.matches()) {
      return "line " + m.group(2) + " of " + label(m.group(1)) + ": " + oneLine(reason);
    }
    return where + ": " + oneLine(reason);
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
    // built field by field: the keys keep this order in every run (a Map.of iterates in an order
    // salted per JVM, which made the same input's output differ byte for byte between runs)
    var watches = o.putArray("watches");
    for (Analysis.WatchMatch w : a.watches()) {
      watches.addObject().put("watchId", w.watchId()).put("relevant", w.relevant()).put("score", w.score());
    }
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
