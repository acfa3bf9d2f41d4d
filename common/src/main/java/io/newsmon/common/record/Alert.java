package io.newsmon.common.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * One alert per story and watch: the value of {@code news.alerts} and {@code alerts.<watchId>},
 * keyed by {@link #alertId()}. When copies of the story arrive the alert is re-published under the
 * same id with a higher {@code revision} and the copies listed; consumers keep the latest revision.
 *
 * @param alertId deterministic: the same watch, story and rule version always give the same id
 * @param revision 1 for the first publication, incremented on every update
 * @param copies how many copies of the original arrived after it, and their URLs
 * @param coverage other articles of the same story (the same event in other outlets and
 *     languages, not copies of the alerted article), in arrival order
 * @param firstSeen when the sink first saw the story
 * @param updatedAt when this revision was made
 * @param ruleVersion version of the watch definition that judged the article
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Alert(
    int schemaVersion,
    String alertId,
    int revision,
    String watchId,
    String storyId,
    String articleId,
    String url,
    String title,
    String language,
    Instant publishedAt,
    double score,
    List<String> topics,
    List<Analysis.Evidence> evidence,
    Copies copies,
    Instant firstSeen,
    Instant updatedAt,
    String ruleVersion,
    List<Coverage> coverage) {

  public static final int SCHEMA_VERSION = 1;

  public Alert {
    topics = topics == null ? List.of() : List.copyOf(topics);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    copies = copies == null ? Copies.NONE : copies;
    coverage = coverage == null ? List.of() : List.copyOf(coverage);
  }

  /** An alert without coverage. */
  public Alert(int schemaVersion, String alertId, int revision, String watchId, String storyId, String articleId,
      String url, String title, String language, Instant publishedAt, double score, List<String> topics,
      List<Analysis.Evidence> evidence, Copies copies, Instant firstSeen, Instant updatedAt, String ruleVersion) {
    this(schemaVersion, alertId, revision, watchId, storyId, articleId, url, title, language, publishedAt, score,
        topics, evidence, copies, firstSeen, updatedAt, ruleVersion, List.of());
  }

  /** Another article reporting the alerted event: its language, outlet (source or host) and URL. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Coverage(String language, String outlet, String url) {}

  /** Copies of the alerted article seen after it: how many, and their URLs. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Copies(int count, List<String> urls) {
    public static final Copies NONE = new Copies(0, List.of());

    public Copies {
      urls = urls == null ? List.of() : List.copyOf(urls);
    }
  }
}
