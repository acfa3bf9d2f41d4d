package io.newsmon.sink.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newsmon.common.record.Alert;
import java.time.Instant;
import java.util.List;

/**
 * What the sink remembers of one alert (one story and one watch), in its changelogged state store.
 *
 * @param alert the latest content; its revision is the one it was or will be published under
 * @param articleIds ids of the articles already counted (the alerted one first, then the copies and
 *     coverage, at most {@link AlertPolicy#MAX_REMEMBERED_IDS}: the latest), so an article seen again (a
 *     replay, a reprocessed record) changes nothing
 * @param publishedAt when a revision was last published
 * @param pending true when {@link #alert} holds changes not published yet (quiet period)
 * @param changedAt when the content last changed (for retention)
 * @param originalId the original of the alerted article (its own id, or the article it copies): later
 *     articles with the same original are its copies, others are coverage; null in states written
 *     before coverage existed (then only articles marked as copies are copies)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertState(
    Alert alert,
    List<String> articleIds,
    Instant publishedAt,
    boolean pending,
    Instant changedAt,
    String originalId) {

  public AlertState {
    articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
  }

  /** A state whose original is not known. */
  public AlertState(Alert alert, List<String> articleIds, Instant publishedAt, boolean pending, Instant changedAt) {
    this(alert, articleIds, publishedAt, pending, changedAt, null);
  }

  /** The same state with other contents and times, the same original. */
  AlertState with(Alert alert, List<String> articleIds, Instant publishedAt, boolean pending, Instant changedAt) {
    return new AlertState(alert, articleIds, publishedAt, pending, changedAt, originalId);
  }

  /** The state store key: story id, '/', watch id. */
  public static String key(String storyId, String watchId) {
    return storyId + "/" + watchId;
  }

  /** The prefix of every state key of a story. */
  public static String storyPrefix(String storyId) {
    return storyId + "/";
  }
}
