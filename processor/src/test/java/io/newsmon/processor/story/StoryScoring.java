package io.newsmon.processor.story;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import io.newsmon.processor.BatchAnalyzer;
import io.newsmon.processor.dedup.Deduplicator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Scores stories and near duplicates on an event-labelled, arrival-ordered set (one JSON object per
 * line: id, lang, publishedAt, url, outlet, title, text, event, relevant, copyOf, copyKind, split).
 * The whole set runs through {@link BatchAnalyzer} in arrival order (as the stream would see it);
 * figures are then taken over the articles of one split.
 *
 * <ul>
 *   <li>Stories, over the relevant articles with an event: B-cubed precision, recall and F1 (per
 *       article: the share of its predicted story that has its event, the share of its event in its
 *       predicted story, averaged) and pairwise precision, recall and F1 (pairs of articles in one
 *       story against pairs in one event).</li>
 *   <li>Near duplicates, over all articles: an article predicted a copy is right when it is labelled
 *       a copy of the same original (precision); a labelled copy is found when predicted a copy of
 *       its original (recall).</li>
 *   <li>The baseline: the story rule before event representations (two shared non-country
 *       entities, entity Jaccard at least 0.4, subject-topic Jaccard at least 0.5, three days),
 *       replayed over the same analyses and copy decisions.</li>
 * </ul>
 *
 * <p>Run: {@code mvn -B -q -pl processor test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.newsmon.processor.story.StoryScoring -Dexec.args="dev"} (or {@code test},
 * then optionally another JSONL file, {@code -v} for every article and error, and settings to try as
 * {@code key=value}).
 */
public final class StoryScoring {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Labelled(String id, String lang, Instant publishedAt, String url, String outlet, String title,
      String text, String event, boolean relevant, String copyOf, String copyKind, String split) {}

  /** Figures of one method on one split. */
  public record Figures(String method, String split, int articles, double bcubedP, double bcubedR,
      double pairP, double pairR, int stories, int events, double dupP, double dupR, int copies,
      List<String> errors) {

    public double bcubedF1() {
      return f1(bcubedP, bcubedR);
    }

    public double pairF1() {
      return f1(pairP, pairR);
    }

    @Override
    public String toString() {
      return String.format("%-9s %-4s relevant articles %3d, events %3d, stories %3d | B-cubed P %.3f R %.3f F1 %.3f"
          + " | pairwise P %.3f R %.3f F1 %.3f | near-dup P %.3f R %.3f (%d labelled copies)",
          method, split, articles, events, stories, bcubedP, bcubedR, bcubedF1(), pairP, pairR, pairF1(),
          dupP, dupR, copies);
    }
  }

  /** What one run predicted for every article, by labelled id. */
  public record Run(List<Labelled> set, Map<String, ProcessedArticle> results, Map<String, String> stories) {}

  private StoryScoring() {}

  public static List<Labelled> read(InputStream in) throws IOException {
    List<Labelled> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      if (!line.isBlank()) {
        out.add(Json.mapper().readValue(line, Labelled.class));
      }
    }
    return out;
  }

  /** Runs the whole set through the processor's batch path in arrival order. */
  public static Run run(List<Labelled> set, NewsmonConfig config) {
    BatchAnalyzer batch = BatchAnalyzer.create(config);
    Map<String, ProcessedArticle> results = new LinkedHashMap<>();
    Map<String, String> stories = new HashMap<>();
    for (Labelled l : set) {
      RawArticle raw = RawArticle.builder().url(l.url()).sourceId(l.outlet()).title(l.title()).text(l.text())
          .publishedAt(l.publishedAt()).origin("replay").build();
      ProcessedArticle p = batch.next(Hashing.articleId(l.url()), raw);
      results.put(l.id(), p);
      stories.put(l.id(), p.analysis().storyId());
    }
    return new Run(set, results, stories);
  }

  /** The stories the rule before event representations would have given, over the same analyses. */
  public static Map<String, String> baseline(Run run) {
    record Seen(String id, long time, List<String> entities, List<String> topics, String story) {}
    List<Seen> seen = new ArrayList<>();
    Map<String, String> byArticleId = new HashMap<>();
    Map<String, String> out = new HashMap<>();
    long window = Duration.ofDays(3).toMillis();
    for (Labelled l : run.set()) {
      ProcessedArticle p = run.results().get(l.id());
      Analysis a = p.analysis();
      String story = null;
      if (a.duplicateOf() != null && byArticleId.containsKey(a.duplicateOf())) {
        story = byArticleId.get(a.duplicateOf());
      } else {
        List<String> specific = Deduplicator.specificEntities(a);
        List<String> topics = a.topics().stream().filter(t -> !t.equals("diplomacy")).toList();
        long t = l.publishedAt().toEpochMilli();
        double best = 0;
        for (Seen s : seen) {
          if (specific.size() < 2 || Math.abs(s.time() - t) > window
              || (!topics.isEmpty() && !s.topics().isEmpty() && jaccard(topics, s.topics()) < 0.5)) {
            continue;
          }
          long shared = specific.stream().filter(s.entities()::contains).count();
          double j = jaccard(specific, s.entities());
          if (shared >= 2 && j >= 0.4 && j > best) {
            best = j;
            story = s.story();
          }
        }
        if (story == null) {
          story = "b-" + p.id();
        }
        seen.add(new Seen(p.id(), t, specific, topics, story));
      }
      byArticleId.put(p.id(), story);
      out.put(l.id(), story);
    }
    return out;
  }

  private static double jaccard(List<String> a, List<String> b) {
    long shared = a.stream().distinct().filter(b::contains).count();
    long union = a.stream().distinct().count() + b.stream().distinct().count() - shared;
    return union == 0 ? 0 : (double) shared / union;
  }

  /** Figures of the given story assignment over the articles of {@code split} ("all" for every split). */
  public static Figures score(String method, Run run, Map<String, String> stories, String split) {
    Predicate<Labelled> inSplit = l -> split.equals("all") || split.equals(l.split());
    List<Labelled> rel = run.set().stream().filter(inSplit).filter(l -> l.relevant() && l.event() != null).toList();
    double bp = 0;
    double br = 0;
    long pairsBoth = 0;
    long pairsPred = 0;
    long pairsGold = 0;
    List<String> errors = new ArrayList<>();
    for (Labelled a : rel) {
      int sameStory = 0;
      int sameEvent = 0;
      int both = 0;
      for (Labelled b : rel) {
        boolean s = Objects.equals(stories.get(a.id()), stories.get(b.id()));
        boolean e = a.event().equals(b.event());
        sameStory += s ? 1 : 0;
        sameEvent += e ? 1 : 0;
        both += s && e ? 1 : 0;
        if (a.id().compareTo(b.id()) < 0) {
          pairsPred += s ? 1 : 0;
          pairsGold += e ? 1 : 0;
          pairsBoth += s && e ? 1 : 0;
          if (s && !e) {
            errors.add("merged " + a.id() + " (" + a.event() + ") with " + b.id() + " (" + b.event() + ")");
          }
        }
      }
      bp += (double) both / sameStory;
      br += (double) both / sameEvent;
    }
    int n = rel.size();
    long nStories = rel.stream().map(l -> stories.get(l.id())).distinct().count();
    long nEvents = rel.stream().map(Labelled::event).distinct().count();
    // split events
    Map<String, List<String>> byEvent = new LinkedHashMap<>();
    for (Labelled l : rel) {
      byEvent.computeIfAbsent(l.event(), k -> new ArrayList<>()).add(l.id() + "→" + shortId(stories.get(l.id())));
    }
    byEvent.forEach((ev, members) -> {
      if (members.stream().map(m -> m.substring(m.indexOf('→'))).distinct().count() > 1) {
        errors.add("split " + ev + ": " + members);
      }
    });

    // near duplicates over all articles of the split
    Map<String, String> idOf = new HashMap<>();
    run.results().forEach((lid, p) -> idOf.put(p.id(), lid));
    Map<String, Labelled> byId = new HashMap<>();
    run.set().forEach(l -> byId.put(l.id(), l));
    int predicted = 0;
    int right = 0;
    int labelled = 0;
    int found = 0;
    for (Labelled l : run.set()) {
      if (!inSplit.test(l)) {
        continue;
      }
      String dup = run.results().get(l.id()).analysis().duplicateOf();
      String predictedOriginal = dup == null ? null : root(idOf.get(dup), byId);
      String goldOriginal = l.copyOf() == null ? null : root(l.copyOf(), byId);
      if (predictedOriginal != null) {
        predicted++;
        if (predictedOriginal.equals(goldOriginal)) {
          right++;
        } else {
          errors.add("false copy " + l.id() + " of " + idOf.get(dup) + " (label " + l.copyOf() + ")");
        }
      }
      if (goldOriginal != null) {
        labelled++;
        if (goldOriginal.equals(predictedOriginal)) {
          found++;
        } else {
          errors.add("missed copy " + l.id() + " (" + l.copyKind() + ") of " + l.copyOf());
        }
      }
    }
    return new Figures(method, split, n, n == 0 ? 1 : bp / n, n == 0 ? 1 : br / n,
        pairsPred == 0 ? 1 : (double) pairsBoth / pairsPred, pairsGold == 0 ? 1 : (double) pairsBoth / pairsGold,
        (int) nStories, (int) nEvents, predicted == 0 ? 1 : (double) right / predicted,
        labelled == 0 ? 1 : (double) found / labelled, labelled, errors);
  }

  private static String shortId(String s) {
    return s == null ? "null" : s.substring(Math.max(0, s.length() - 6));
  }

  /** The first original of a copy chain (labelled ids). */
  private static String root(String id, Map<String, Labelled> byId) {
    String cur = id;
    for (int i = 0; i < 10 && cur != null && byId.containsKey(cur) && byId.get(cur).copyOf() != null; i++) {
      cur = byId.get(cur).copyOf();
    }
    return cur;
  }

  static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public static void main(String[] args) throws IOException {
    String split = args.length > 0 ? args[0] : "dev";
    List<Labelled> set;
    if (args.length > 1) {
      try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
        set = read(in);
      }
    } else {
      try (InputStream in = StoryScoring.class.getResourceAsStream("/events/articles.jsonl")) {
        if (in == null) {
          throw new IllegalStateException("no events/articles.jsonl on the test class path");
        }
        set = read(in);
      }
    }
    boolean verbose = args.length > 2 && args[2].equals("-v");
    NewsmonConfig config = NewsmonConfig.defaults();
    for (int i = 2; i < args.length; i++) {
      if (args[i].contains("=")) { // a setting to try: processor.story.min-evidence=2.5
        config = config.with(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
      }
    }
    Run run = run(set, config);
    if (args.length > 4 && args[2].equals("-pair")) {
      StoryMatcher m = new StoryMatcher(StoryMatcher.Settings.from(config));
      System.out.println("evidence " + m.evidence(article(run, args[3]), article(run, args[4])));
      return;
    }
    Figures f = score("events", run, run.stories(), split);
    Figures b = score("baseline", run, baseline(run), split);
    System.out.println(f);
    System.out.println(b);
    if (verbose) {
      f.errors().forEach(e -> System.out.println("  " + e));
      for (Labelled l : set) {
        if (split.equals("all") || split.equals(l.split())) {
          Analysis a = run.results().get(l.id()).analysis();
          System.out.printf("  %s %s %s ev=%s story=%s dup=%s ent=%s topics=%s %s%n", l.id(), l.lang(),
              l.publishedAt(), l.event(), shortId(a.storyId()), a.duplicateOf() == null ? "-" : idOfShort(run, a.duplicateOf()),
              Deduplicator.specificEntities(a), a.topics(), EventKeys.of(a));
        }
      }
    }
  }

  private static StoryMatcher.Article article(Run run, String labelledId) {
    ProcessedArticle p = run.results().get(labelledId);
    Analysis a = p.analysis();
    return new StoryMatcher.Article(p.article().eventTime().toEpochMilli(), Deduplicator.specificEntities(a),
        a.topics().stream().filter(t -> !t.equals("diplomacy")).toList(), EventKeys.of(a));
  }

  private static String idOfShort(Run run, String articleId) {
    for (Map.Entry<String, ProcessedArticle> e : run.results().entrySet()) {
      if (e.getValue().id().equals(articleId)) {
        return e.getKey();
      }
    }
    return articleId;
  }
}
