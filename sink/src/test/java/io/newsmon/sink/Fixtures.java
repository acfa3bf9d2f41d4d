package io.newsmon.sink;

import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import java.time.Instant;
import java.util.List;

/** Hand-written processed articles for the sink's tests. */
public final class Fixtures {

  public static final String WATCH = "morocco-kazakhstan";

  private Fixtures() {}

  /** An original article of {@code storyId} judged by the default watch. */
  public static ProcessedArticle original(String id, String storyId, String url, String title, String lang,
      boolean relevant, double score) {
    return article(id, storyId, null, url, title, lang, List.of(match(WATCH, relevant, score)));
  }

  /** A copy of {@code originalId}: same story, duplicateOf set. */
  public static ProcessedArticle copy(String id, String originalId, String storyId, String url) {
    return article(id, storyId, originalId, url, "Copie : Astana soutient le plan d'autonomie marocain", "fr",
        List.of(match(WATCH, true, 0.8)));
  }

  public static Analysis.WatchMatch match(String watchId, boolean relevant, double score) {
    return new Analysis.WatchMatch(watchId, relevant, score,
        relevant ? List.of(new Analysis.Evidence("le Kazakhstan et le Maroc", 10, 35)) : List.of());
  }

  public static ProcessedArticle article(String id, String storyId, String duplicateOf, String url, String title,
      String lang, List<Analysis.WatchMatch> watches) {
    RawArticle raw = RawArticle.builder().url(url).origin("feed").title(title)
        .text("Le Kazakhstan et le Maroc ont signé un accord de coopération à Rabat.")
        .publishedAt(Instant.parse("2025-02-28T10:00:00Z")).build();
    Analysis analysis = new Analysis(new Analysis.Language(lang, 0.97), "hash-" + id, "0000000000000000",
        duplicateOf, storyId, List.of(), List.of("diplomacy", "sahara"), watches);
    return ProcessedArticle.of(id, raw, analysis);
  }
}
