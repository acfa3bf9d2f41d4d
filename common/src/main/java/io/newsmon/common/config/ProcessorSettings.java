package io.newsmon.common.config;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The settings of the processor: language, dedup, stories and watches: key, type, default, validator and documentation of each. */
public final class ProcessorSettings {

  /** The section these settings are listed under in {@code newsmon config} and the documentation. */
  public static final String SECTION = "Processor";

  public static final Key<String> APPLICATION_ID = Key.string("processor.application-id");
  public static final Key<Integer> THREADS = Key.integer("processor.threads");
  public static final Key<Duration> COMMIT_INTERVAL = Key.duration("processor.commit-interval");
  public static final Key<List<String>> LANGUAGES = Key.list("processor.languages");
  public static final Key<Long> MAX_TEXT_CHARS = Key.size("processor.max-text-chars");
  public static final Key<Duration> DEDUP_WINDOW = Key.duration("processor.dedup.window");
  public static final Key<List<String>> WATCHES = Key.list("processor.watches");
  public static final Key<Integer> LANGUAGE_SAMPLE_CHARS = Key.integer("processor.language.sample-chars");
  public static final Key<Double> LANGUAGE_MIN_CONFIDENCE = Key.decimal("processor.language.min-confidence");
  public static final Key<Boolean> LANGUAGE_FAST_PATH = Key.bool("processor.language.fast-path");
  public static final Key<Boolean> RELEVANCE_MODEL = Key.bool("processor.watch.relevance-model");
  public static final Key<Integer> DEDUP_MAX_HAMMING = Key.integer("processor.dedup.max-hamming");
  public static final Key<Double> DEDUP_MIN_CONTAINMENT = Key.decimal("processor.dedup.min-containment");
  public static final Key<Duration> DEDUP_PURGE_INTERVAL = Key.duration("processor.dedup.purge-interval");
  public static final Key<Duration> DEDUP_REORDER_DELAY = Key.duration("processor.dedup.reorder-delay");
  public static final Key<Duration> DEDUP_REPLAY_REORDER_DELAY = Key.duration("processor.dedup.replay-reorder-delay");
  public static final Key<Duration> STORY_WINDOW = Key.duration("processor.story.window");
  public static final Key<Double> STORY_MIN_EVIDENCE = Key.decimal("processor.story.min-evidence");
  public static final Key<Integer> STORY_DAY_TOLERANCE = Key.integer("processor.story.day-tolerance");

  public static final ConfigDef DEF = new ConfigDef()
      .define(APPLICATION_ID.name(), Type.STRING, "newsmon-processor", Checks.nonBlank(), Importance.MEDIUM,
          "Kafka Streams application id of the processor (also the prefix of its internal "
              + "topics).")
      .define(THREADS.name(), Type.INT, "2", Range.between(1, 64), Importance.MEDIUM,
          "Stream threads of the processor in one process. The analysis of the partitions of "
              + "news.raw runs in parallel on them; one thread also runs the dedup step. Default 2 "
              + "(one article at a time per thread caps a single thread at about the analysis rate).")
      .define(COMMIT_INTERVAL.name(), Type.STRING, "100ms", Checks.duration(Duration.ofMillis(10)), Importance.LOW,
          "How often the processor's stream threads commit (commit.interval.ms): each commit is an "
              + "exactly-once transaction, and what a thread wrote becomes visible to the next step (the "
              + "dedup step, the sink) only then. An article crosses two such commits in the processor. "
              + "Longer means fewer transactions but adds to every article's latency; 500ms was measured no "
              + "cheaper per article than 100ms (docs/decisions/0040-streams-commits-and-transactions.md). "
              + "kafka.commit.interval.ms, when set, wins for both Streams applications. Default 100ms.")
      .define(LANGUAGES.name(), Type.LIST, "all", null, Importance.MEDIUM,
          "Languages the detector chooses among (ISO 639-1), or 'all': the 75 languages of Lingua "
              + "1.2.2 and Uzbek (see README, Languages). Text in another language comes out as the "
              + "closest of these, or 'und' when its script is used by none of them. Lingua models are "
              + "loaded per script group when first needed, so a stream in a few scripts only loads "
              + "those. Lingua has no Uzbek model: uz is recognised by its letters (Cyrillic ў ҳ without "
              + "Kazakh letters, Latin oʻ gʻ), so Uzbek written otherwise may come out as another "
              + "language or 'und'. Default all.")
      .define(MAX_TEXT_CHARS.name(), Type.STRING, "1000000", Checks.size(1), Importance.MEDIUM,
          "Articles whose text is longer than this many characters go to news.deadletter as "
              + "oversize.")
      .define(DEDUP_WINDOW.name(), Type.STRING, "400d", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "How long an article is remembered for duplicate detection, in event time (publication "
              + "time, else fetch time): entries are forgotten once the latest event time seen is this "
              + "much later than theirs. Long, so that a copy republished months later (a year in "
              + "review) is still found. Default 400d.")
      .define(WATCHES.name(), Type.LIST, "", null, Importance.MEDIUM,
          "Extra watch definition files (YAML, comma separated) added to the bundled morocco- "
              + "kazakhstan watch.")
      .define(LANGUAGE_SAMPLE_CHARS.name(), Type.INT, "600", Range.between(16, 1_000_000), Importance.MEDIUM,
          "Characters of article text (after the title) the language detector looks at. Longer is "
              + "slower and rarely better; default 600.")
      .define(LANGUAGE_MIN_CONFIDENCE.name(), Type.DOUBLE, "0.1", Range.between(0.0, 1.0), Importance.MEDIUM,
          "Confidence (0..1) below which the language is reported as 'und'. The confidence is the "
              + "detector's margin of the best language over the runner-up (1 when the runner-up scores "
              + "25% lower or less). Default 0.1.")
      .define(LANGUAGE_FAST_PATH.name(), Type.STRING, "true", Checks.bool(), Importance.MEDIUM,
          "Decide Latin-script text (en, fr, es, pt, it, de, tr) by its function words when one "
              + "language clearly dominates (several different words of it), asking the Lingua detector "
              + "only otherwise: about a hundred times cheaper per article. false: Lingua decides every "
              + "Latin-script sample. Default true.")
      .define(RELEVANCE_MODEL.name(), Type.STRING, "true", Checks.bool(), Importance.MEDIUM,
          "Let the trained relevance model (decisions 0026 and 0028) give the verdict of every watch "
              + "where its rules found evidence or the article's body names both sides; the rules' "
              + "evidence and notes are kept, and where the rules found none the model shows the "
              + "sentences naming the two. false: the rules decide. Default true (decision 0028: chosen "
              + "by cross-validation on the training data, it beats the rules on the validation part, "
              + "0.870 against 0.826 F1, and keeps the first labelled set and the seeds).")
      .define(DEDUP_MAX_HAMMING.name(), Type.INT, "3", Range.between(0, 3), Importance.MEDIUM,
          "Largest Hamming distance (bits of 64) between two SimHash fingerprints for near "
              + "duplicates. Default 3.")
      .define(DEDUP_MIN_CONTAINMENT.name(), Type.DOUBLE, "0.7", Range.between(0.0, 1.0), Importance.MEDIUM,
          "Share (0..1) of the smaller article's sampled shingles found in an earlier article "
              + "from which it is a near duplicate (truncated copies, copies with added site text). "
              + "Default 0.7.")
      .define(DEDUP_PURGE_INTERVAL.name(), Type.STRING, "10m", Checks.duration(Duration.ofSeconds(1)), Importance.MEDIUM,
          "How often expired entries are removed from the dedup state store (wall-clock time). "
              + "Default 10m.")
      .define(DEDUP_REORDER_DELAY.name(), Type.STRING, "500ms", Checks.duration(Duration.ZERO), Importance.MEDIUM,
          "The longest the dedup step holds a live article while another partition of news.raw has "
              + "nothing queued to compare it with. The dedup step merges the partitions, each in its own "
              + "order, taking the earliest record time first, so originals and story ids, hence alert ids, "
              + "do not depend on which partition the parallel analysis delivered first. Under a steady "
              + "stream every partition soon has something queued and the wait is short; a lone article "
              + "waits this long. Never more than 4 times this in any case. 0s judges in arrival order. "
              + "Replayed and backlogged articles wait processor.dedup.replay-reorder-delay instead, so a "
              + "replay gives the same ids even when one partition's analysis starts late. Default 500ms.")
      .define(DEDUP_REPLAY_REORDER_DELAY.name(), Type.STRING, "10s", Checks.duration(Duration.ZERO), Importance.MEDIUM,
          "processor.dedup.reorder-delay for an article whose record time is more than 10 minutes "
              + "before it reaches the dedup step: an archive being replayed (a replay stamps records "
              + "with the publication time) or a backlog being caught up. Nobody waits on such an "
              + "article's alert, and a replay must give the same ids even when one partition's analysis "
              + "starts seconds late (a fresh installation); while every partition has articles queued "
              + "nothing waits. Never below processor.dedup.reorder-delay; unused when that is 0s. "
              + "Default 10s.")
      .define(STORY_WINDOW.name(), Type.STRING, "3d", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Largest difference in event time (publication time, else fetch time) between articles "
              + "of one story (across languages). Default 3d.")
      .define(STORY_MIN_EVIDENCE.name(), Type.DOUBLE, "2", Range.between(0.0, 100.0), Importance.MEDIUM,
          "Evidence two articles need to be one story (see docs/decisions/0007-event-representation-"
              + "and-stories.md): each shared person, place or organisation of the gazetteer 1, each "
              + "shared name found in the text 0.5 (at most 4), each shared quantity 1, the same kind of "
              + "action 1, the same stated day 1, each other shared date 0.5, topic overlap up to 0.5. "
              + "Hard constraints (kinds of action that cannot be one event, stated days more than a day "
              + "apart, different relevant watches) keep articles apart whatever the evidence. Default 2.")
      .define(STORY_DAY_TOLERANCE.name(), Type.INT, "2", Range.between(0, 30), Importance.MEDIUM,
          "Days a stated event day ('on Friday', '28 February') may lie from another article's "
              + "publication day for the two to be one story; a stated day more than this before the "
              + "article's own publication day is background, not the event's day. Default 2.");

  private ProcessorSettings() {}
}
