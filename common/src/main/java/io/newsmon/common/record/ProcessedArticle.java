package io.newsmon.common.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The value of {@code news.processed} and {@code news.enriched}, keyed by {@link #id()}: the raw
 * article as ingested plus the processor's analysis.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProcessedArticle(int schemaVersion, String id, RawArticle article, Analysis analysis) {

  public static final int SCHEMA_VERSION = 1;

  public static ProcessedArticle of(String id, RawArticle article, Analysis analysis) {
    return new ProcessedArticle(SCHEMA_VERSION, id, article, analysis);
  }

  public boolean duplicate() {
    return analysis.duplicateOf() != null;
  }
}
