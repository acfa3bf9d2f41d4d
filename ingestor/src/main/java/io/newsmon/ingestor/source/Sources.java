package io.newsmon.ingestor.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsmon.common.config.IngestorSettings;
import io.newsmon.common.config.NewsmonConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a sources file (YAML): {@code sources:} a list of entries with {@code id}, {@code url},
 * optional {@code kind} (feed, the default; sitemap; page), {@code language}, {@code country},
 * {@code interval} (e.g. 10m), {@code selector} (page), {@code fetch-articles} (default true),
 * {@code max-items} (default 50) and {@code enabled} (default true). The bundled default list is
 * {@code /sources.yaml} on the class path.
 */
public final class Sources {

  /** Shortest poll interval a source may ask for. */
  static final java.time.Duration MIN_INTERVAL = java.time.Duration.ofSeconds(10);
  /** Most items a source may take per poll. */
  static final int MAX_ITEMS = 10_000;

  public static final String BUNDLED = "/sources.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Sources() {}

  /** The file named by {@code ingestor.sources}, or the bundled list when it is empty. */
  public static List<Source> load(NewsmonConfig config) {
    String path = config.get(IngestorSettings.SOURCES);
    if (path == null) {
      return bundled();
    }
    try {
      return parse(Files.readString(Path.of(path), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read sources file " + path + " (ingestor.sources): "
          + e.getMessage(), e);
    }
  }

  public static List<Source> bundled() {
    try (InputStream in = Sources.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("missing " + BUNDLED + " on the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + BUNDLED, e);
    }
  }

  /** @throws IllegalArgumentException naming the entry and field that is wrong */
  public static List<Source> parse(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("sources file is not valid YAML: " + e.getMessage(), e);
    }
    JsonNode list = root == null ? null : root.isArray() ? root : root.get("sources");
    List<Source> out = new ArrayList<>();
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("sources file has no 'sources:' list");
    }
    Set<String> ids = new HashSet<>();
    int i = 0;
    for (JsonNode n : list) {
      i++;
      if (!n.path("enabled").asBoolean(true)) {
        continue;
      }
      String id = n.path("id").asText(null);
      if (id == null) {
        throw new IllegalArgumentException("source #" + i + " has no id");
      }
      if (!ids.add(id)) {
        throw new IllegalArgumentException("source id '" + id + "' is used twice");
      }
      Duration interval = null;
      if (n.hasNonNull("interval")) {
        try {
          interval = NewsmonConfig.parseDuration(n.get("interval").asText());
        } catch (RuntimeException e) {
          throw new IllegalArgumentException("source '" + id + "': interval '" + n.get("interval").asText()
              + "' must be a duration such as 10m or 1h");
        }
        if (interval.compareTo(MIN_INTERVAL) < 0) {
          throw new IllegalArgumentException("source '" + id + "': interval '" + n.get("interval").asText()
              + "' must be at least " + MIN_INTERVAL.toSeconds() + "s (a source is polled, not streamed)");
        }
      }
      int maxItems = n.path("max-items").asInt(Source.DEFAULT_MAX_ITEMS);
      if (maxItems < 1 || maxItems > MAX_ITEMS) {
        throw new IllegalArgumentException("source '" + id + "': max-items " + n.path("max-items").asText()
            + " must be between 1 and " + MAX_ITEMS);
      }
      out.add(new Source(id, n.path("kind").asText("feed"), n.path("url").asText(null),
          n.path("language").asText(null), n.path("country").asText(null), interval,
          n.path("selector").asText(null), n.path("fetch-articles").asBoolean(true),
          maxItems));
    }
    return out;
  }
}
