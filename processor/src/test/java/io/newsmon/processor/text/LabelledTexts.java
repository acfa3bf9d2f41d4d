package io.newsmon.processor.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every title and text of the labelled sets in the test resources (the English-to-Arabic set, the
 * multilingual set and the event set), for tests that compare a fast path with the plain one on
 * real prose of every script the sets hold.
 */
public final class LabelledTexts {

  private LabelledTexts() {}

  public static List<String> all() {
    try {
      ObjectMapper json = new ObjectMapper();
      List<JsonNode> articles = new ArrayList<>();
      json.readTree(resource("/labelled/articles.json").toFile()).forEach(articles::add);
      try (Stream<Path> files = Files.list(resource("/labelled/multilingual"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          json.readTree(f.toFile()).forEach(articles::add);
        }
      }
      for (String line : Files.readAllLines(resource("/events/articles.jsonl"))) {
        if (!line.isBlank()) {
          articles.add(json.readTree(line));
        }
      }
      List<String> out = new ArrayList<>();
      for (JsonNode a : articles) {
        out.add(a.path("title").asText(""));
        out.add(a.path("text").asText(""));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resource(String name) {
    try {
      return Path.of(LabelledTexts.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
