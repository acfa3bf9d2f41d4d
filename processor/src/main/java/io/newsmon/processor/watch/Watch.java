package io.newsmon.processor.watch;

import io.newsmon.common.record.Analysis;
import io.newsmon.processor.text.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A compiled {@link WatchDefinition}: matchers for its entities, cues and topics, and the relation
 * judgement ({@link RelationTagger}). Immutable and thread-safe.
 */
public final class Watch {

  /** An entity of one side: gazetteer id, type, country, and side index (0 or 1). */
  public record EntityRef(String id, String type, String country, int side) {}

  static final EntityRef EXCLUDED = new EntityRef("!excluded", "", "", -1);

  private final WatchDefinition definition;
  private final PhraseMatcher<EntityRef> entities = new PhraseMatcher<>();
  private final PhraseMatcher<String> cues = new PhraseMatcher<>();
  private final PhraseMatcher<String> topics = new PhraseMatcher<>();

  public Watch(WatchDefinition d) {
    if (d.id() == null || !d.id().matches("[a-z0-9][a-z0-9._-]{0,100}")) {
      throw new IllegalArgumentException("watch id '" + d.id()
          + "' must be lower-case letters, digits, '.', '_' or '-'");
    }
    if (d.sides().size() != 2) {
      throw new IllegalArgumentException("watch '" + d.id() + "' must have exactly two sides, has "
          + d.sides().size());
    }
    this.definition = d;
    for (int s = 0; s < 2; s++) {
      WatchDefinition.Side side = d.sides().get(s);
      if (side.entities().isEmpty()) {
        throw new IllegalArgumentException("watch '" + d.id() + "': side " + side.country()
            + " has no entities");
      }
      for (WatchDefinition.EntityDefinition e : side.entities()) {
        EntityRef ref = new EntityRef(e.id(), e.type() == null ? "other" : e.type(), side.country(), s);
        e.aliases().values().forEach(list -> list.forEach(a -> entities.add(a, ref)));
      }
      side.exclude().values().forEach(list -> list.forEach(a -> entities.add(a, EXCLUDED)));
    }
    d.bilateralCues().values().forEach(list -> list.forEach(c -> cues.add(c, "cue")));
    d.topics().forEach((topic, byLang) -> byLang.values().forEach(list -> list.forEach(t -> topics.add(t, topic))));
  }

  public String id() {
    return definition.id();
  }

  public String ruleVersion() {
    return definition.ruleVersion();
  }

  public WatchDefinition definition() {
    return definition;
  }

  /** What one watch found in one article. */
  public record Result(List<Analysis.Entity> entities, List<String> topics, Analysis.WatchMatch match) {}

  /**
   * Tags one article.
   *
   * @param text the article text (offsets refer to it)
   * @param tokens its tokens, {@code stems} their stems ({@link PhraseMatcher#stemsOf})
   * @param titleStems stems of the title's tokens
   */
  public Result tag(String text, List<Token> tokens, List<List<String>> stems,
      List<List<String>> titleStems) {
    List<Mention> mentions = new ArrayList<>();
    List<Analysis.Entity> found = new ArrayList<>();
    for (PhraseMatcher.Match<EntityRef> m : entities.find(stems)) {
      if (m.payload() == EXCLUDED) {
        continue;
      }
      int start = tokens.get(m.from()).start();
      int end = tokens.get(m.to() - 1).end();
      EntityRef r = m.payload();
      found.add(new Analysis.Entity(r.id(), r.type(), r.country(), text.substring(start, end), start, end));
      mentions.add(new Mention(r.side(), start, end));
    }
    List<int[]> cueSpans = new ArrayList<>();
    for (PhraseMatcher.Match<String> m : cues.find(stems)) {
      cueSpans.add(new int[] {tokens.get(m.from()).start(), tokens.get(m.to() - 1).end()});
    }
    Set<String> topicSet = new TreeSet<>();
    topics.find(stems).forEach(m -> topicSet.add(m.payload()));
    topics.find(titleStems).forEach(m -> topicSet.add(m.payload()));
    Set<Integer> titleSides = new LinkedHashSet<>();
    for (PhraseMatcher.Match<EntityRef> m : entities.find(titleStems)) {
      if (m.payload() != EXCLUDED) {
        titleSides.add(m.payload().side());
      }
    }
    Analysis.WatchMatch match = RelationTagger.judge(definition.id(), definition.minScoreOrDefault(),
        text, tokens, mentions, cueSpans, titleSides, topicSet.size());
    return new Result(found, List.copyOf(topicSet), match);
  }

  /** One entity mention: side and character span. */
  record Mention(int side, int start, int end) {}
}
