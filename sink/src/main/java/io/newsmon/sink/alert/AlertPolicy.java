package io.newsmon.sink.alert;

import io.newsmon.common.record.Alert;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alert per story and watch. Pure: given an article and what is remembered of its story, says
 * which alert states change and which alerts are published.
 *
 * <ul>
 *   <li>An article judged relevant by a watch, with a score at or above the watch's minimum, raises an
 *       alert for its story and that watch unless the story already has one. The alert id is
 *       {@link #alertId(String, String, String) al-hash(watch, story, rule version)}, so the same input
 *       always gives the same ids.
 *   <li>Any later article of a story that has alerts is added to each of those alerts: a copy of the
 *       alerted article (the same original by the processor's {@code duplicateOf}, or that original
 *       itself) to {@code copies}, another article
 *       reporting the same event (in another outlet or language) to {@code coverage} with its
 *       language, outlet and URL. The alert is re-published under the same id with revision + 1. An
 *       article already counted (same id) changes nothing, so a replay does not inflate the counts.
 *   <li>Within the quiet period after a publication, updates are not published at once but marked
 *       pending; {@link #flush} publishes them once the period is over, as one revision.
 * </ul>
 *
 * <p>A duplicate that arrives before its original (they may travel on different partitions) raises
 * the alert itself when its own verdict is relevant; the original then counts as its copy.
 */
public final class AlertPolicy {

  private final AlertRules rules;

  public AlertPolicy(AlertRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  public AlertRules rules() {
    return rules;
  }

  /** The deterministic id of the alert of one watch about one story under one rule version. */
  public static String alertId(String watchId, String storyId, String ruleVersion) {
    return Hashing.id("al", watchId, storyId, ruleVersion);
  }

  /**
   * What an article changes.
   *
   * @param states the remembered alerts of the article's story, by watch id (empty when none)
   * @param now the current time: firstSeen/updatedAt of new revisions, and the quiet period clock
   */
  public Outcome onArticle(ProcessedArticle article, Map<String, AlertState> states, Instant now) {
    Analysis analysis = article.analysis();
    Map<String, AlertState> changed = new LinkedHashMap<>();
    List<Alert> publish = new ArrayList<>();

    for (Map.Entry<String, AlertState> e : states.entrySet()) {
      AlertState state = e.getValue();
      if (state.articleIds().contains(article.id())) {
        continue;
      }
      AlertState updated = addCopy(state, article, now);
      if (!quietUntil(state).isAfter(now)) {
        updated = publishPending(updated, now);
        publish.add(updated.alert());
      }
      changed.put(e.getKey(), updated);
    }

    for (Analysis.WatchMatch match : analysis.watches()) {
      if (match == null || match.watchId() == null || !match.relevant()
          || states.containsKey(match.watchId()) || changed.containsKey(match.watchId())) {
        continue;
      }
      if (match.score() < rules.minScore().applyAsDouble(match.watchId())) {
        continue;
      }
      Alert alert = newAlert(article, match, now);
      String original = analysis.duplicateOf() != null ? analysis.duplicateOf() : article.id();
      changed.put(match.watchId(), new AlertState(alert, List.of(article.id()), now, false, now, original));
      publish.add(alert);
    }
    return new Outcome(changed, publish);
  }

  /**
   * The part of an article that {@link #onArticle} reads: its id, the raw article's URLs, source,
   * title and publication time, and the analysis' language, dedup fields, topics and watch verdicts
   * with their evidence. The same alerts come from it as from the whole article; the text, entities,
   * event and notes are left out, so the record that carries it to the alert step is a fraction of
   * the processed article's size.
   */
  public static ProcessedArticle alertPart(ProcessedArticle article) {
    RawArticle raw = article.article();
    RawArticle slim = raw == null ? null : RawArticle.builder().url(raw.url()).canonicalUrl(raw.canonicalUrl())
        .sourceId(raw.sourceId()).title(raw.title()).publishedAt(raw.publishedAt()).build();
    Analysis a = article.analysis();
    Analysis slimAnalysis = a == null ? null : new Analysis(a.language(), null, null, a.duplicateOf(), a.storyId(),
        List.of(), a.topics(), a.watches().stream()
            .map(m -> m == null ? null : new Analysis.WatchMatch(m.watchId(), m.relevant(), m.score(), m.evidence()))
            .toList());
    return new ProcessedArticle(article.schemaVersion(), article.id(), slim, slimAnalysis);
  }

  /**
   * Publishes a pending update whose quiet period is over.
   *
   * @return the published state and alert, or null when there is nothing to publish yet
   */
  public Flushed flush(AlertState state, Instant now) {
    if (!state.pending() || quietUntil(state).isAfter(now)) {
      return null;
    }
    AlertState published = publishPending(state, now);
    return new Flushed(published, published.alert());
  }

  /** True when the state was last changed longer than the retention ago and has nothing pending. */
  public boolean expired(AlertState state, Instant now) {
    return !state.pending() && state.changedAt() != null
        && state.changedAt().plus(rules.retention()).isBefore(now);
  }

  private Instant quietUntil(AlertState state) {
    return state.publishedAt() == null ? Instant.MIN : state.publishedAt().plus(rules.quietPeriod());
  }

  private AlertState addCopy(AlertState state, ProcessedArticle copy, Instant now) {
    Alert a = state.alert();
    String url = urlOf(copy.article());
    Alert.Copies copies = a.copies();
    List<Alert.Coverage> coverage = a.coverage();
    String original = copy.analysis().duplicateOf() != null ? copy.analysis().duplicateOf() : copy.id();
    boolean isCopy = state.originalId() == null ? copy.analysis().duplicateOf() != null
        : state.originalId().equals(original);
    if (isCopy) {
      List<String> urls = new ArrayList<>(a.copies().urls());
      if (url != null && urls.size() < rules.maxCopyUrls() && !urls.contains(url)) {
        urls.add(url);
      }
      copies = new Alert.Copies(a.copies().count() + 1, urls);
    } else if (coverage.size() < rules.maxCopyUrls()) {
      Analysis.Language lang = copy.analysis().language();
      coverage = new ArrayList<>(coverage);
      coverage.add(new Alert.Coverage(lang == null ? null : lang.code(), outletOf(copy.article()), url));
    }
    int revision = state.pending() ? a.revision() : a.revision() + 1;
    Alert updated = new Alert(a.schemaVersion(), a.alertId(), revision, a.watchId(), a.storyId(),
        a.articleId(), a.url(), a.title(), a.language(), a.publishedAt(), a.score(), a.topics(),
        a.evidence(), copies, a.firstSeen(), a.updatedAt(), a.ruleVersion(), coverage);
    return state.with(updated, remember(state.articleIds(), copy.id()), state.publishedAt(), true, now);
  }

  /**
   * Most article ids an alert state remembers: the alerted article's and the latest others'. A story
   * that runs for months (a war, a summit season) would otherwise grow its state, and the changelog
   * record that carries it, by each article's id, until the record passed the broker's size limit. An
   * article seen again (a replay into a running pipeline) changes nothing while its id is among these;
   * one older than that counts once more as a copy or as coverage.
   */
  public static final int MAX_REMEMBERED_IDS = 2_000;

  /** The ids with {@code id} added, the oldest after the alerted article's dropped beyond {@link #MAX_REMEMBERED_IDS}. */
  static List<String> remember(List<String> ids, String id) {
    int keep = Math.min(ids.size(), MAX_REMEMBERED_IDS - 1);
    List<String> out = new ArrayList<>(keep + 1);
    if (keep > 0) {
      out.add(ids.get(0));
      out.addAll(ids.subList(ids.size() - keep + 1, ids.size()));
    }
    out.add(id);
    return out;
  }

  private static AlertState publishPending(AlertState state, Instant now) {
    Alert a = state.alert();
    Alert published = new Alert(a.schemaVersion(), a.alertId(), a.revision(), a.watchId(), a.storyId(),
        a.articleId(), a.url(), a.title(), a.language(), a.publishedAt(), a.score(), a.topics(),
        a.evidence(), a.copies(), a.firstSeen(), now, a.ruleVersion(), a.coverage());
    return state.with(published, state.articleIds(), now, false, state.changedAt());
  }

  private Alert newAlert(ProcessedArticle article, Analysis.WatchMatch match, Instant now) {
    Analysis analysis = article.analysis();
    RawArticle raw = article.article();
    String storyId = analysis.storyId();
    return new Alert(Alert.SCHEMA_VERSION, alertId(match.watchId(), storyId, rules.ruleVersion()), 1,
        match.watchId(), storyId, article.id(), urlOf(raw), raw == null ? null : raw.title(),
        analysis.language() == null ? null : analysis.language().code(),
        raw == null ? null : raw.publishedAt(), match.score(), analysis.topics(), match.evidence(),
        Alert.Copies.NONE, now, now, rules.ruleVersion());
  }

  /**
   * The outlet of an article: its source id from {@code sources.yaml}, or for replayed and file
   * articles (whose source id says nothing of the outlet) the host of its URL.
   */
  static String outletOf(RawArticle raw) {
    if (raw == null) {
      return null;
    }
    String source = raw.sourceId();
    if (source != null && !source.isBlank() && !source.equals("replay") && !source.equals("file")) {
      return source;
    }
    String url = raw.key();
    if (url == null) {
      return source;
    }
    try {
      String host = java.net.URI.create(url.trim()).getHost();
      if (host != null) {
        return host.startsWith("www.") ? host.substring(4) : host;
      }
    } catch (IllegalArgumentException e) {
      // not a URL: fall back to the source id
    }
    return source;
  }

  private static String urlOf(RawArticle raw) {
    if (raw == null) {
      return null;
    }
    return raw.key(); // the canonical URL (tracking parameters removed) when the page named one
  }

  /**
   * @param changed the new states, by watch id, to store
   * @param publish the alert revisions to publish now, in order
   */
  public record Outcome(Map<String, AlertState> changed, List<Alert> publish) {
    public Outcome {
      changed = Map.copyOf(changed);
      publish = List.copyOf(publish);
    }
  }

  /** A state after publication, and the alert revision published. */
  public record Flushed(AlertState state, Alert alert) {}
}
