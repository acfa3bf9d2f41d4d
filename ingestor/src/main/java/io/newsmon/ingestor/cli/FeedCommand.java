package io.newsmon.ingestor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.common.cli.ConfigOptions;
import io.newsmon.ingestor.feed.FeedItem;
import io.newsmon.ingestor.feed.FeedParser;
import io.newsmon.ingestor.feed.SitemapReader;
import io.newsmon.ingestor.fetch.FetchException;
import io.newsmon.ingestor.fetch.FetchSettings;
import io.newsmon.ingestor.fetch.HttpFetcher;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsmon feed FILE|URL...}: the items the ingestor would take from feeds or sitemaps. */
@Command(name = "feed", mixinStandardHelpOptions = true,
    description = "Show what the ingestor would take from feeds (RSS, Atom, RDF, JSON Feed) or sitemaps, "
        + "given as files (.gz read as gzip) or URLs. Every input is answered; exit 1 if any failed.")
public class FeedCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin ConfigOptions config;

  @Option(names = "--json", description = "One JSON line per input: {\"input\", \"ok\", \"items\"} or {\"input\", \"ok\": false, \"error\"}.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "FILE|URL")
  List<String> inputs;

  @Override
  public Integer call() {
    FetchSettings settings = FetchSettings.from(config.load());
    HttpFetcher fetcher = new HttpFetcher(settings);
    boolean allOk = true;
    for (String in : inputs) {
      ObjectNode line = answer(in, fetcher, settings.maxBytes());
      allOk &= line.path("ok").asBoolean();
      print(System.out, line, json);
    }
    return allOk ? 0 : 1;
  }

  /** The JSON answer for one input; never throws. */
  public static ObjectNode answer(String input, HttpFetcher fetcher, long maxBytes) {
    ObjectNode line = JSON.createObjectNode();
    line.put("input", input);
    try {
      Inputs.Loaded l = Inputs.load(input, fetcher, maxBytes);
      List<FeedItem> items;
      String head = new String(l.bytes(), 0, Math.min(l.bytes().length, 2048), java.nio.charset.StandardCharsets.ISO_8859_1);
      if (head.contains("<urlset") || head.contains("<sitemapindex")) {
        items = new SitemapReader().read(l.bytes(), l.contentType(), l.baseUrl().startsWith("http") ? l.baseUrl() : "http://localhost/").items();
      } else {
        items = new FeedParser().parse(l.bytes(), l.contentType(), l.baseUrl()).items();
      }
      line.put("ok", true);
      ArrayNode arr = line.putArray("items");
      for (FeedItem it : items) {
        ObjectNode o = arr.addObject();
        o.put("url", it.url());
        o.put("title", it.title());
        o.put("summary", it.summary());
        o.put("author", it.author());
        o.put("published", it.publishedAt() == null ? null : it.publishedAt().toString());
        o.put("language", it.language());
      }
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

  static void print(PrintStream out, ObjectNode line, boolean json) {
    if (json) {
      out.println(line.toString());
      return;
    }
    if (!line.path("ok").asBoolean()) {
      out.println(line.path("input").asText() + ": FAILED " + line.path("error").asText());
      return;
    }
    out.println(line.path("input").asText() + ": " + line.path("items").size() + " items");
    for (var it : line.path("items")) {
      out.println("  - " + it.path("title").asText("(no title)") + "\n    " + it.path("url").asText("")
          + (it.path("published").isNull() ? "" : "  " + it.path("published").asText()));
    }
  }
}
