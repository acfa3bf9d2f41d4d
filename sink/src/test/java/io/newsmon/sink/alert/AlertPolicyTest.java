package io.newsmon.sink.alert;

import static io.newsmon.sink.Fixtures.WATCH;
import static io.newsmon.sink.Fixtures.article;
import static io.newsmon.sink.Fixtures.copy;
import static io.newsmon.sink.Fixtures.match;
import static io.newsmon.sink.Fixtures.original;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.record.Alert;
import io.newsmon.common.record.ProcessedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertPolicyTest {

  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  /** Applies the policy the way the processor does, keeping the story's states in a map. */
  private static final class Story {
    final AlertPolicy policy;
    final Map<String, AlertState> states = new HashMap<>();

    Story(AlertPolicy policy) {
      this.policy = policy;
    }

    List<Alert> feed(ProcessedArticle a, Instant now) {
      AlertPolicy.Outcome o = policy.onArticle(a, Map.copyOf(states), now);
      states.putAll(o.changed());
      return o.publish();
    }
  }

  private final AlertPolicy policy = new AlertPolicy(AlertRules.of(0.5, "1", Duration.ZERO));

  @Test
  void relevantOriginalRaisesOneAlertWithDeterministicId() {
    Story s = new Story(policy);
    List<Alert> out = s.feed(original("a-1", "s-1", "https://le360.ma/a", "Astana soutient Rabat", "fr", true, 0.9), T0);
    assertThat(out).hasSize(1);
    Alert a = out.get(0);
    assertThat(a.alertId()).isEqualTo(AlertPolicy.alertId(WATCH, "s-1", "1")).startsWith("al-");
    assertThat(a.revision()).isEqualTo(1);
    assertThat(a.articleId()).isEqualTo("a-1");
    assertThat(a.language()).isEqualTo("fr");
    assertThat(a.score()).isEqualTo(0.9);
    assertThat(a.topics()).containsExactly("diplomacy", "sahara");
    assertThat(a.evidence()).hasSize(1);
    assertThat(a.copies().count()).isZero();
    assertThat(a.firstSeen()).isEqualTo(T0);
    assertThat(a.ruleVersion()).isEqualTo("1");
  }

  @Test
  void alertIdDependsOnWatchStoryAndRuleVersion() {
    String id = AlertPolicy.alertId(WATCH, "s-1", "1");
    assertThat(AlertPolicy.alertId(WATCH, "s-1", "1")).isEqualTo(id);
    assertThat(AlertPolicy.alertId(WATCH, "s-2", "1")).isNotEqualTo(id);
    assertThat(AlertPolicy.alertId("other", "s-1", "1")).isNotEqualTo(id);
    assertThat(AlertPolicy.alertId(WATCH, "s-1", "2")).isNotEqualTo(id);
  }

  @Test
  void copiesUpdateTheSameAlertWithRevisionAndUrls() {
    Story s = new Story(policy);
    String id = s.feed(original("a-1", "s-1", "https://le360.ma/a", "Astana soutient Rabat", "fr", true, 0.9), T0)
        .get(0).alertId();
    List<Alert> r2 = s.feed(copy("a-2", "a-1", "s-1", "https://hespress.com/b"), T0.plusSeconds(60));
    List<Alert> r3 = s.feed(copy("a-3", "a-1", "s-1", "https://medias24.com/c"), T0.plusSeconds(120));
    assertThat(r2).singleElement().satisfies(a -> {
      assertThat(a.alertId()).isEqualTo(id);
      assertThat(a.revision()).isEqualTo(2);
      assertThat(a.copies().count()).isEqualTo(1);
    });
    assertThat(r3).singleElement().satisfies(a -> {
      assertThat(a.alertId()).isEqualTo(id);
      assertThat(a.revision()).isEqualTo(3);
      assertThat(a.copies().count()).isEqualTo(2);
      assertThat(a.copies().urls()).containsExactly("https://hespress.com/b", "https://medias24.com/c");
      assertThat(a.articleId()).isEqualTo("a-1");
      assertThat(a.firstSeen()).isEqualTo(T0);
      assertThat(a.updatedAt()).isEqualTo(T0.plusSeconds(120));
    });
  }

  @Test
  void otherArticlesOfTheStoryAreCoverageNotCopies() {
    Story s = new Story(policy);
    s.feed(original("a-1", "s-1", "https://le360.ma/a", "Astana soutient Rabat", "fr", true, 0.9), T0);
    s.feed(copy("a-2", "a-1", "s-1", "https://hespress.com/fr/b"), T0.plusSeconds(1));
    List<Alert> ar = s.feed(original("a-3", "s-1", "https://www.hespress.com/ar/c", "أستانا تدعم الرباط", "ar", true, 0.8),
        T0.plusSeconds(2));
    // a copy of the Arabic report is coverage too (it copies another article, not the alerted one)
    List<Alert> arCopy = s.feed(copy("a-4", "a-3", "s-1", "https://alyaoum24.com/d"), T0.plusSeconds(3));
    assertThat(ar).singleElement().satisfies(a -> {
      assertThat(a.copies().count()).isEqualTo(1);
      assertThat(a.copies().urls()).containsExactly("https://hespress.com/fr/b");
      assertThat(a.coverage()).containsExactly(new Alert.Coverage("ar", "hespress.com", "https://www.hespress.com/ar/c"));
    });
    assertThat(arCopy).singleElement().satisfies(a -> {
      assertThat(a.copies().count()).isEqualTo(1);
      assertThat(a.coverage()).extracting(Alert.Coverage::url)
          .containsExactly("https://www.hespress.com/ar/c", "https://alyaoum24.com/d");
      assertThat(a.revision()).isEqualTo(4);
    });
  }

  @Test
  void anArticleSeenAgainChangesNothing() {
    Story s = new Story(policy);
    ProcessedArticle orig = original("a-1", "s-1", "https://le360.ma/a", "Astana soutient Rabat", "fr", true, 0.9);
    ProcessedArticle dup = copy("a-2", "a-1", "s-1", "https://hespress.com/b");
    s.feed(orig, T0);
    s.feed(dup, T0.plusSeconds(1));
    assertThat(s.feed(orig, T0.plusSeconds(2))).isEmpty();
    assertThat(s.feed(dup, T0.plusSeconds(3))).isEmpty();
    assertThat(s.states.get(WATCH).alert().copies().count()).isEqualTo(1);
  }

  @Test
  void irrelevantOrLowScoreArticlesRaiseNoAlert() {
    Story s = new Story(policy);
    assertThat(s.feed(original("a-1", "s-1", "https://x.kz/1", "Медальный зачёт", "ru", false, 0.9), T0)).isEmpty();
    assertThat(s.feed(original("a-2", "s-2", "https://x.kz/2", "Kazakhstan wheat", "en", true, 0.49), T0)).isEmpty();
    assertThat(s.states).isEmpty();
    // a copy of a story without an alert (and itself not relevant) raises nothing either
    ProcessedArticle strayCopy = article("a-3", "s-1", "a-1", "https://x.kz/3", "copy", "ru",
        List.of(match(WATCH, false, 0.9)));
    assertThat(s.feed(strayCopy, T0)).isEmpty();
  }

  @Test
  void copyArrivingFirstRaisesTheAlertAndTheOriginalCountsAsItsCopy() {
    Story s = new Story(policy);
    List<Alert> first = s.feed(copy("a-2", "a-1", "s-1", "https://hespress.com/b"), T0);
    List<Alert> second = s.feed(original("a-1", "s-1", "https://le360.ma/a", "Astana", "fr", true, 0.9), T0.plusSeconds(5));
    assertThat(first).singleElement().extracting(Alert::articleId).isEqualTo("a-2");
    assertThat(second).singleElement().satisfies(a -> {
      assertThat(a.alertId()).isEqualTo(first.get(0).alertId());
      assertThat(a.copies().count()).isEqualTo(1);
    });
  }

  @Test
  void perWatchMinimumScoreFromConfiguration() {
    NewsmonConfig config = NewsmonConfig.defaults()
        .with(Map.of("sink.alert.min-score", "0.5", "sink.watch.strict.min-score", "0.95"));
    AlertPolicy p = new AlertPolicy(AlertRules.from(config));
    ProcessedArticle a = article("a-1", "s-1", null, "https://x.ma/1", "Rabat et Astana", "fr",
        List.of(match(WATCH, true, 0.8), match("strict", true, 0.8)));
    List<Alert> out = p.onArticle(a, Map.of(), T0).publish();
    assertThat(out).extracting(Alert::watchId).containsExactly(WATCH);
    ProcessedArticle b = article("a-2", "s-2", null, "https://x.ma/2", "Rabat et Astana", "fr",
        List.of(match("strict", true, 0.96)));
    assertThat(p.onArticle(b, Map.of(), T0).publish()).extracting(Alert::watchId).containsExactly("strict");
  }

  @Test
  void invalidPerWatchScoreIsAReadableError() {
    assertThatThrownBy(() -> AlertRules.from(NewsmonConfig.defaults().with("sink.watch.strict.min-score", "high")))
        .hasMessageContaining("sink.watch.strict.min-score").hasMessageContaining("must be a number");
    assertThatThrownBy(() -> AlertRules.from(NewsmonConfig.defaults().with("sink.alert.min-score", "1.5")))
        .hasMessageContaining("sink.alert.min-score").hasMessageContaining("between 0.0 and 1.0");
  }

  @Test
  void quietPeriodCoalescesUpdatesIntoOneRevision() {
    AlertPolicy quiet = new AlertPolicy(AlertRules.of(0.5, "1", Duration.ofMinutes(10)));
    Story s = new Story(quiet);
    s.feed(original("a-1", "s-1", "https://le360.ma/a", "Astana", "fr", true, 0.9), T0);
    assertThat(s.feed(copy("a-2", "a-1", "s-1", "https://b.ma/2"), T0.plusSeconds(60))).isEmpty();
    assertThat(s.feed(copy("a-3", "a-1", "s-1", "https://b.ma/3"), T0.plusSeconds(120))).isEmpty();
    AlertState st = s.states.get(WATCH);
    assertThat(st.pending()).isTrue();
    assertThat(quiet.flush(st, T0.plusSeconds(599))).as("still quiet").isNull();
    AlertPolicy.Flushed f = quiet.flush(st, T0.plusSeconds(600));
    assertThat(f).isNotNull();
    assertThat(f.alert().revision()).isEqualTo(2);
    assertThat(f.alert().copies().count()).isEqualTo(2);
    assertThat(f.state().pending()).isFalse();
    assertThat(quiet.flush(f.state(), T0.plusSeconds(6000))).as("nothing left").isNull();
    // after the quiet period an update is published at once, as the next revision
    s.states.put(WATCH, f.state());
    assertThat(s.feed(copy("a-4", "a-1", "s-1", "https://b.ma/4"), T0.plusSeconds(1300)))
        .singleElement().satisfies(a -> {
          assertThat(a.revision()).isEqualTo(3);
          assertThat(a.copies().count()).isEqualTo(3);
        });
  }

  @Test
  void copyUrlsAreCappedButCounted() {
    AlertPolicy capped = new AlertPolicy(new AlertRules(w -> 0.5, "1", Duration.ZERO, 2, Duration.ofDays(30)));
    Story s = new Story(capped);
    s.feed(original("a-0", "s-1", "https://le360.ma/a", "Astana", "fr", true, 0.9), T0);
    Alert last = null;
    for (int i = 1; i <= 4; i++) {
      last = s.feed(copy("a-" + i, "a-0", "s-1", "https://b.ma/" + i), T0.plusSeconds(i)).get(0);
    }
    assertThat(last.copies().count()).isEqualTo(4);
    assertThat(last.copies().urls()).containsExactly("https://b.ma/1", "https://b.ma/2");
  }

  @Test
  void aLongStoryRemembersTheAlertedArticleAndTheLatestIdsOnly() {
    Story s = new Story(policy);
    s.feed(original("a-0", "s-1", "https://le360.ma/a", "Astana", "fr", true, 0.9), T0);
    int copies = AlertPolicy.MAX_REMEMBERED_IDS + 50;
    for (int i = 1; i <= copies; i++) {
      s.feed(copy("a-" + i, "a-0", "s-1", "https://b.ma/" + i), T0.plusSeconds(i));
    }
    AlertState st = s.states.get(WATCH);
    assertThat(st.articleIds()).hasSize(AlertPolicy.MAX_REMEMBERED_IDS);
    assertThat(st.articleIds().get(0)).isEqualTo("a-0");
    assertThat(st.articleIds().get(1)).isEqualTo("a-" + (copies - AlertPolicy.MAX_REMEMBERED_IDS + 2));
    assertThat(st.articleIds().get(st.articleIds().size() - 1)).isEqualTo("a-" + copies);
    assertThat(st.alert().copies().count()).isEqualTo(copies);
    // a recent copy and the alerted article seen again change nothing
    assertThat(s.feed(copy("a-" + copies, "a-0", "s-1", "https://b.ma/" + copies), T0.plusSeconds(copies + 1))).isEmpty();
    assertThat(s.feed(original("a-0", "s-1", "https://le360.ma/a", "Astana", "fr", true, 0.9), T0.plusSeconds(copies + 2)))
        .isEmpty();
    assertThat(s.states.get(WATCH).alert().copies().count()).isEqualTo(copies);
  }

  @Test
  void expiryAfterRetention() {
    Story s = new Story(policy);
    s.feed(original("a-1", "s-1", "https://le360.ma/a", "Astana", "fr", true, 0.9), T0);
    AlertState st = s.states.get(WATCH);
    assertThat(policy.expired(st, T0.plus(Duration.ofDays(29)))).isFalse();
    assertThat(policy.expired(st, T0.plus(Duration.ofDays(31)))).isTrue();
  }
}
