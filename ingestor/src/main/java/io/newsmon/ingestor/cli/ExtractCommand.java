package io.newsmon.ingestor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.common.cli.ConfigOptions;
import io.newsmon.ingestor.extract.ArticleExtractor;
import io.newsmon.ingestor.extract.ExtractedArticle;
import io.newsmon.ingestor.fetch.Charsets;
import io.newsmon.ingestor.fetch.FetchException;
import io.newsmon.ingestor.fetch.FetchSettings;
import io.newsmon.ingestor.fetch.HttpFetcher;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsmon extract FILE|URL...}: the article the ingestor would take from pages. */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Show the article the ingestor would extract from HTML pages (files, .gz read as gzip, or URLs): "
        + "title, text, author, published, language hint. Every input is answered; exit 1 if any failed.")
public class ExtractCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin ConfigOptions config;

  @Option(names = "--json", description = "One JSON line per input: {\"input\", \"ok\", \"title\", \"text\", ...} or {\"input\", \"ok\": false, \"error\"}.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "FILE|URL")
  List<String> inputs;

  @Override
  public Integer call() {
    FetchSettings settings = FetchSettings.from(config.load());
    HttpFetcher fetcher = new HttpFetcher(settings);
    ArticleExtractor extractor = new ArticleExtractor();
    boolean allOk = true;
    for (String in : inputs) {
      ObjectNode line = answer(in, fetcher, extractor, settings.maxBytes());
      allOk &= line.path("ok").asBoolean();
      if (json) {
        System.out.println(line.toString());
      } else if (!line.path("ok").asBoolean()) {
        System.out.println(in + ": FAILED " + line.path("error").asText());
      } else {
        System.out.println("== " + in + "\ntitle:     " + line.path("title").asText("") + "\nauthor:    "
            + line.path("author").asText("") + "\npublished: " + line.path("published").asText("")
            + "\nlanguage:  " + line.path("languageHint").asText("") + "\ncanonical: "
            + line.path("canonicalUrl").asText("") + "\n\n" + line.path("text").asText("") + "\n");
      }
    }
    return allOk ? 0 : 1;
  }

  /** Writes an extraction into an answer line ({@code "ok": true} and the article's fields). */
  public static void put(ObjectNode line, ExtractedArticle a) {
    line.put("ok", true);
    line.put("title", a.title());
    line.put("text", a.text());
    line.put("author", a.author());
    line.put("published", a.publishedAt() == null ? null : a.publishedAt().toString());
    line.put("languageHint", a.languageHint());
    line.put("canonicalUrl", a.canonicalUrl());
    line.put("comments", a.comments());
  }

  /** The JSON answer for one input; never throws. */
  public static ObjectNode answer(String input, HttpFetcher fetcher, ArticleExtractor extractor, long maxBytes) {
    ObjectNode line = JSON.createObjectNode();
    line.put("input", input);
    try {
      Inputs.Loaded l = Inputs.load(input, fetcher, maxBytes);
      ExtractedArticle a = extractor.extract(Charsets.decode(l.bytes(), l.contentType()),
          l.baseUrl().startsWith("http") ? l.baseUrl() : null);
      put(line, a);
    } catch (FetchException e) {
      line.put("ok", false);
      line.put("error", e.code() + ": " + e.getMessage());
    } catch (java.nio.file.NoSuchFileException e) {
      line.put("ok", false);
      line.put("error", "not-found: no such file " + e.getFile() + " (give a file path or an http(s) URL)");
    } catch (Exception | StackOverflowError e) {
      line.put("ok", false);
      line.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return line;
  }
}
