package io.newsmon.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.record.Alert;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.DeadLetter;
import io.newsmon.common.record.ProcessedArticle;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The JSON the alerts page reads, built from records without Kafka: an alert with its story's
 * languages, outlets and coverage and its evidence marked in a passage of the text; an article of a
 * story; a dead letter.
 */
public final class AlertViews {

  /** Characters of text kept before the first and after the last evidence span of a passage. */
  static final int CONTEXT_CHARS = 240;

  private AlertViews() {}

  /** A piece of a passage: text, marked when it is evidence. */
  public record Segment(String text, boolean mark) {}

  /**
   * The passage of {@code text} around the evidence, cut into marked and unmarked segments.
   * Evidence offsets are checked against the text (a span whose text differs is looked up by its
   * words instead); overlapping spans are merged. Without text, the evidence quotes alone, marked.
   */
  public static List<Segment> passage(String text, List<Analysis.Evidence> evidence) {
    List<int[]> spans = new ArrayList<>();
    if (text != null) {
      for (Analysis.Evidence e : evidence) {
        int start = e.start();
        int end = e.end();
        boolean fits = start >= 0 && end <= text.length() && start < end
            && (e.text() == null || text.substring(start, end).equals(e.text()));
        if (!fits && e.text() != null && !e.text().isEmpty()) {
          start = text.indexOf(e.text());
          end = start + e.text().length();
        }
        if (start >= 0 && end > start && end <= text.length()) {
          spans.add(new int[] {start, end});
        }
      }
    }
    List<Segment> out = new ArrayList<>();
    if (spans.isEmpty()) {
      for (Analysis.Evidence e : evidence) {
        if (e.text() != null) {
          if (!out.isEmpty()) {
            out.add(new Segment(" … ", false));
          }
          out.add(new Segment(e.text(), true));
        }
      }
      if (out.isEmpty() && text != null) {
        out.add(new Segment(cutEnd(text, 2 * CONTEXT_CHARS), false));
      }
      return out;
    }
    spans.sort(Comparator.comparingInt((int[] s) -> s[0]).thenComparingInt(s -> s[1]));
    List<int[]> merged = new ArrayList<>();
    for (int[] s : spans) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && s[0] <= last[1]) {
        last[1] = Math.max(last[1], s[1]);
      } else {
        merged.add(new int[] {s[0], s[1]});
      }
    }
    int from = Math.max(0, merged.get(0)[0] - CONTEXT_CHARS);
    int to = Math.min(text.length(), merged.get(merged.size() - 1)[1] + CONTEXT_CHARS);
    int at = from;
    if (from > 0) {
      out.add(new Segment("…", false));
    }
    for (int[] s : merged) {
      if (s[0] > at) {
        out.add(new Segment(text.substring(at, s[0]), false));
      }
      out.add(new Segment(text.substring(s[0], s[1]), true));
      at = s[1];
    }
    if (to > at) {
      out.add(new Segment(text.substring(at, to), false));
    }
    if (to < text.length()) {
      out.add(new Segment("…", false));
    }
    return out;
  }

  private static String cutEnd(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }

  /** The outlet of a URL: its host without {@code www.}; null for a URL without host. */
  public static String outlet(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = URI.create(url.strip()).getHost();
      if (host == null) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * An alert as the page shows it.
   *
   * @param alerted the alerted article from {@code news.enriched}, or null when not seen (yet)
   * @param story the story's articles from {@code news.enriched} known so far
   */
  public static ObjectNode alert(Alert alert, ProcessedArticle alerted, Collection<ProcessedArticle> story) {
    ObjectNode n = Json.mapper().valueToTree(alert);
    TreeSet<String> languages = new TreeSet<>();
    TreeSet<String> outlets = new TreeSet<>();
    if (alert.language() != null) {
      languages.add(alert.language());
    }
    addOutlet(outlets, alert.url());
    alert.copies().urls().forEach(u -> addOutlet(outlets, u));
    int articles = 1 + alert.copies().count();
    for (ProcessedArticle a : story) {
      if (a.id().equals(alert.articleId())) {
        continue;
      }
      articles++;
      languages.add(a.analysis().language().code());
      addOutlet(outlets, a.article().url());
    }
    n.put("outlet", outlet(alert.url()));
    ArrayNode langs = n.putArray("languages");
    languages.forEach(langs::add);
    ArrayNode outs = n.putArray("outlets");
    outlets.forEach(outs::add);
    ObjectNode coverage = n.putObject("coverage");
    coverage.put("articles", articles);
    coverage.put("outlets", outlets.size());
    coverage.put("languages", languages.size());
    String text = alerted == null ? null : alerted.article().text();
    n.set("passage", segments(passage(text, alert.evidence())));
    return n;
  }

  /** An article of a story, with its verdicts and, when relevant, its evidence passage. */
  public static ObjectNode article(ProcessedArticle a) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("id", a.id());
    n.put("title", a.article().title());
    n.put("url", a.article().url());
    n.put("outlet", outlet(a.article().url()));
    n.put("sourceId", a.article().sourceId());
    n.put("language", a.analysis().language().code());
    n.put("publishedAt", a.article().publishedAt() == null ? null : a.article().publishedAt().toString());
    n.put("storyId", a.analysis().storyId());
    n.put("relevant", a.analysis().relevant());
    double score = a.analysis().watches().stream().mapToDouble(Analysis.WatchMatch::score).max().orElse(0);
    n.put("score", score);
    ArrayNode topics = n.putArray("topics");
    a.analysis().topics().forEach(topics::add);
    List<Analysis.Evidence> evidence = a.analysis().watches().stream().filter(Analysis.WatchMatch::relevant)
        .flatMap(w -> w.evidence().stream()).toList();
    n.set("passage", segments(passage(a.article().text(), evidence)));
    return n;
  }

  /** A dead letter: where and why it failed. */
  public static ObjectNode deadLetter(DeadLetter d) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("stage", d.stage());
    n.put("reason", d.errorClass() == null ? null : d.errorClass().substring(d.errorClass().lastIndexOf('.') + 1));
    n.put("message", d.errorMessage() == null ? null : cutEnd(d.errorMessage(), 300));
    n.put("sourceId", d.sourceId());
    n.put("url", d.url());
    n.put("sourceTopic", d.sourceTopic());
    n.put("failedAt", d.failedAt() == null ? null : d.failedAt().toString());
    return n;
  }

  private static ArrayNode segments(List<Segment> segments) {
    ArrayNode arr = Json.mapper().createArrayNode();
    for (Segment s : segments) {
      arr.addObject().put("text", s.text()).put("mark", s.mark());
    }
    return arr;
  }

  private static void addOutlet(Collection<String> outlets, String url) {
    String o = outlet(url);
    if (o != null) {
      outlets.add(o);
    }
  }
}
