package io.newsmon.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.fingerprint.Fingerprinter;
import io.newsmon.processor.fingerprint.FingerprinterTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

  static final long T0 = Instant.parse("2025-03-01T10:00:00Z").toEpochMilli();
  static final long HOUR = 3_600_000L;

  final Deduplicator dedup = new Deduplicator(
      new Deduplicator.Settings(Duration.ofDays(7), 3, 0.7,
          new io.newsmon.processor.story.StoryMatcher.Settings(Duration.ofDays(3), 2.0, 2)));
  final InMemoryDedupState state = new InMemoryDedupState();

  static RawArticle raw(String id, String text) {
    return RawArticle.builder().url("https://x.example/" + id).text(text).build();
  }

  static Analysis analysis(String text, List<Analysis.Entity> entities) {
    return new Analysis(new Analysis.Language("en", 1), Fingerprinter.contentHash(text),
        Fingerprinter.fingerprint(text).hex(), null, null, entities, List.of(), List.of());
  }

  Analysis decide(String id, String text, long time) {
    return decide(id, raw(id, text), analysis(text, List.of()), time);
  }

  /** The dedup decision, with the fingerprint of the article's text (as the analysis computes it). */
  Analysis decide(String id, RawArticle raw, Analysis analysis, long time) {
    return dedup.decide(state, id, raw, analysis, Fingerprinter.fingerprint(raw.text()), time);
  }

  @Test
  void firstIsOriginalAndExactCopyPointsToIt() {
    Analysis a = decide("a", FingerprinterTest.BASE, T0);
    Analysis b = decide("b", FingerprinterTest.BASE + "\n", T0 + 1);
    assertThat(a.duplicateOf()).isNull();
    assertThat(b.duplicateOf()).isEqualTo("a");
    assertThat(b.storyId()).isEqualTo(a.storyId());
  }

  @Test
  void nearCopiesOfEveryKindPointToTheOriginal() {
    String base = FingerprinterTest.BASE;
    decide("orig", base, T0);
    List<String> copies = List.of(
        "RABAT, March 6 (Reuters) - " + base,
        "Home | World | Business\n" + base + "\nRead also: five things to know about the Sahara question today\nFollow us",
        "This article first appeared in our weekly newsletter on Central Asia and North Africa, sent every Friday.\n" + base,
        String.join("\n", FingerprinterTest.P3, FingerprinterTest.P1, FingerprinterTest.P4, FingerprinterTest.P2),
        base.replace("Kazakhstan and Morocco signed an agreement on Thursday to double",
            "On Thursday Morocco and Kazakhstan agreed to double"),
        FingerprinterTest.P1 + "\n" + FingerprinterTest.P2,
        base.replace("Morocco", "Mor\u200Bocco"));
    for (int i = 0; i < copies.size(); i++) {
      Analysis c = decide("copy" + i, copies.get(i), T0 + (i + 1) * HOUR);
      assertThat(c.duplicateOf()).as("copy %d: %s", i, copies.get(i)).isEqualTo("orig");
    }
  }

  static final String LONG = "The national airline announced on Tuesday a new direct route between Almaty and "
      + "Casablanca, with two flights a week from the end of March on a narrow-body aircraft.\n"
      + "The flights will leave Almaty on Mondays and Fridays in the morning and return from Casablanca the same "
      + "evening, the company said in a statement published on its website.\n"
      + "Tourism officials in both countries welcomed the decision, which they said would open a market that is "
      + "still small: fewer than six thousand visitors travelled between the two countries last year.\n"
      + "The carrier also said it was in talks with a partner airline about connecting flights to West African "
      + "capitals, and that tickets would go on sale next week through its offices and travel agents.";

  @Test
  void aTruncatedCopyIsFoundThroughTheHashesOfItsBeginning() {
    String[] words = LONG.split(" ");
    String truncated = String.join(" ", java.util.Arrays.copyOf(words, words.length * 45 / 100)) + " (…)";
    var full = Fingerprinter.fingerprint(LONG);
    var part = Fingerprinter.fingerprint(truncated);
    assertThat(part.leading()).isEqualTo(full.leading());
    dedup.decide(state, "orig", T0, Fingerprinter.contentHash(LONG), List.of(), List.of(), List.of(), full, T0);
    assertThat(dedup.decide(state, "copy", T0 + HOUR, Fingerprinter.contentHash(truncated), List.of(), List.of(),
        List.of(), part, T0 + HOUR).duplicateOf()).isEqualTo("orig");
  }

  @Test
  void aBriefInsideALongDigestIsNotADuplicate() {
    String brief = FingerprinterTest.P1;
    decide("digest", FingerprinterTest.BASE + "\n" + FingerprinterTest.BASE.replace("Kazakh", "Uzbek")
        .replace("Morocco", "Tunisia").replace("Rabat", "Tunis") + "\n" + "An entirely different story about the "
        + "weather in the mountains, where snow closed the roads for two days and cut power to many villages.", T0);
    assertThat(decide("brief", brief, T0 + HOUR).duplicateOf()).isNull();
  }

  @Test
  void redeliveryOfTheSameIdGivesTheSameAnswer() {
    Analysis first = decide("a", FingerprinterTest.BASE, T0);
    Analysis again = decide("a", FingerprinterTest.BASE, T0 + HOUR);
    assertThat(again.duplicateOf()).isNull();
    assertThat(again.storyId()).isEqualTo(first.storyId());
  }

  @Test
  void copiesAfterTheWindowAreOriginalsAgainAndPurgeForgets() {
    decide("a", FingerprinterTest.BASE, T0);
    long later = T0 + Duration.ofDays(8).toMillis();
    assertThat(decide("b", FingerprinterTest.BASE, later).duplicateOf()).isNull();
    int before = state.size();
    assertThat(dedup.purge(state, later)).isPositive();
    assertThat(state.size()).isLessThan(before);
    assertThat(state.get("a:a")).isNull();
    assertThat(state.get("a:b")).isNotNull();
  }

  static Analysis.Entity e(String id, String type) {
    return new Analysis.Entity(id, type, id.substring(0, 2).toUpperCase(), id, 0, 1);
  }

  @Test
  void sameEventInAnotherLanguageSharesTheStoryButIsNoDuplicate() {
    List<Analysis.Entity> ents = List.of(e("kz:country", "country"), e("ma:country", "country"),
        e("kz:nurtleu", "person"), e("ma:bourita", "person"), e("ma:rabat", "place"));
    String ar = "استقبل وزير الشؤون الخارجية ناصر بوريطة بالرباط نظيره الكازاخستاني مراد نورتليو لبحث التعاون الثنائي.";
    String fr = "Nasser Bourita a reçu à Rabat son homologue kazakh Murat Nurtleu pour évoquer la coopération bilatérale.";
    Analysis a = decide("ar", raw("ar", ar), analysis(ar, ents), T0);
    Analysis f = decide("fr", raw("fr", fr), analysis(fr, ents.subList(0, 4)), T0 + HOUR);
    assertThat(f.duplicateOf()).isNull();
    assertThat(f.storyId()).isEqualTo(a.storyId());

    // the same people a month later: another story
    String later = "Murat Nurtleu et Nasser Bourita se sont de nouveau parlé au téléphone au sujet des visas.";
    RawArticle laterRaw = RawArticle.builder().url("https://x.example/later").text(later)
        .publishedAt(Instant.ofEpochMilli(T0).plus(Duration.ofDays(30))).build();
    Analysis l = decide("later", laterRaw, analysis(later, ents.subList(0, 4)), T0 + 2 * HOUR);
    assertThat(l.storyId()).isNotEqualTo(a.storyId());

    // only the capital in common: another story
    String other = "A trade fair opened in Rabat with exhibitors from Kazakhstan and forty other countries.";
    Analysis o = decide("other", raw("other", other),
        analysis(other, List.of(e("ma:rabat", "place"), e("kz:astana", "place"))), T0 + 3 * HOUR);
    assertThat(o.storyId()).isNotEqualTo(a.storyId());
  }

  @Test
  void aCallAndTheMessageThatFollowedAreTwoStoriesAVisitAndItsSigningOne() {
    List<Analysis.Entity> ents = List.of(e("kz:nurtleu", "person"), e("ma:bourita", "person"), e("ma:rabat", "place"));
    String call = "Nasser Bourita and Murat Nurtleu spoke by phone on Monday about wheat shipments and flights.";
    String message = "Murat Nurtleu sent Nasser Bourita a message on the anniversary of diplomatic relations.";
    String visit = "Murat Nurtleu arrived in Rabat on Friday for an official visit, received by Nasser Bourita.";
    String signing = "Bourita et Nurtleu ont signé vendredi à Rabat une feuille de route de coopération.";
    Analysis c = decide("c", raw("c", call),
        event(analysis(call, ents), "2025-03-03", "call"), T0);
    Analysis m = decide("m", raw("m", message),
        event(analysis(message, ents), "2025-03-05", "message"), T0 + 2 * 24 * HOUR);
    Analysis v = decide("v", raw("v", visit),
        event(analysis(visit, ents), "2025-03-07", "visit"), T0 + 4 * 24 * HOUR);
    Analysis s = decide("s", raw("s", signing),
        event(analysis(signing, ents), "2025-03-07", "signing"), T0 + 4 * 24 * HOUR + HOUR);
    assertThat(m.storyId()).as("call and message").isNotEqualTo(c.storyId());
    assertThat(v.storyId()).as("message and a visit two days later").isNotEqualTo(m.storyId());
    assertThat(s.storyId()).as("visit and the signing during it").isEqualTo(v.storyId());
  }

  /** The analysis with an event stated on {@code day} (also the publication day) of the given kinds. */
  static Analysis event(Analysis a, String day, String... actions) {
    return new Analysis(a.language(), a.contentHash(), a.fingerprint(), null, null, a.entities(), a.topics(),
        a.watches(), new Analysis.Event(day, true, List.of(actions), List.of(), List.of(), List.of(), List.of(), day));
  }

  static Analysis topics(Analysis a, String... topics) {
    return new Analysis(a.language(), a.contentHash(), a.fingerprint(), null, null, a.entities(), List.of(topics),
        a.watches());
  }

  @Test
  void emptyOrTinyTextsAreNeverCopiesByContent() {
    assertThat(decide("e1", "", T0).duplicateOf()).isNull();
    assertThat(decide("e2", "", T0 + 1).duplicateOf()).isNull();
    assertThat(decide("t1", "Breaking news", T0 + 2).duplicateOf()).isNull();
    assertThat(decide("t2", "Breaking news", T0 + 3).duplicateOf()).isNull();
  }
}
