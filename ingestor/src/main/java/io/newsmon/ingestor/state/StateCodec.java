package io.newsmon.ingestor.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.ingestor.fetch.Validators;

/**
 * The format of {@code newsmon.ingest-state} records: key {@code seen|<canonical url>} with value
 * {@code 1}, or key {@code http|<listing url>} with value {@code {"etag":..,"lastModified":..}}.
 */
public final class StateCodec {

  public static final String SEEN_VALUE = "1";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A decoded record: either an item key or a listing URL with its validators. */
  public record Entry(String itemKey, String listingUrl, Validators validators) {}

  private StateCodec() {}

  public static String seenKey(String itemKey) {
    return "seen|" + itemKey;
  }

  public static String validatorsKey(String url) {
    return "http|" + url;
  }

  public static String encode(Validators v) {
    ObjectNode n = JSON.createObjectNode();
    n.put("etag", v.etag());
    n.put("lastModified", v.lastModified());
    return n.toString();
  }

  /** Null for keys of another format (ignored, so the topic can evolve). */
  public static Entry decode(String key, String value) {
    if (key == null) {
      return null;
    }
    if (key.startsWith("seen|")) {
      return new Entry(key.substring(5), null, null);
    }
    if (key.startsWith("http|")) {
      Validators v = Validators.NONE;
      if (value != null) {
        try {
          JsonNode n = JSON.readTree(value);
          v = new Validators(n.path("etag").asText(null), n.path("lastModified").asText(null));
        } catch (Exception e) {
          v = Validators.NONE;
        }
      }
      return new Entry(null, key.substring(5), v);
    }
    return null;
  }
}
