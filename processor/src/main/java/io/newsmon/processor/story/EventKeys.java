package io.newsmon.processor.story;

import io.newsmon.common.record.Analysis;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Analysis.Event} as a flat list of tagged strings, the form the dedup step stores and
 * compares: {@code a:} action kind, {@code d:} stated day, {@code p:} publication day,
 * {@code n:} name key, {@code q:} quantity, {@code l:} quantity of the headline or lead,
 * {@code t:} other date, {@code w:} a watch that judged the article relevant.
 */
public final class EventKeys {

  private EventKeys() {}

  /** The keys of an analysis: those of its event and its relevant watches. */
  public static List<String> of(Analysis analysis) {
    List<String> out = new ArrayList<>(of(analysis.event()));
    for (Analysis.WatchMatch m : analysis.watches()) {
      if (m != null && m.relevant()) {
        out.add("w:" + m.watchId());
      }
    }
    return List.copyOf(out);
  }

  public static List<String> of(Analysis.Event e) {
    if (e == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(e.actions().size() + e.names().size() + e.quantities().size()
        + e.leadQuantities().size() + e.dates().size() + 1);
    e.actions().forEach(a -> out.add("a:" + a));
    if (e.day() != null && e.dayStated()) {
      out.add("d:" + e.day());
    }
    if (e.published() != null) {
      out.add("p:" + e.published());
    }
    e.names().forEach(n -> out.add("n:" + n));
    e.quantities().forEach(q -> out.add("q:" + q));
    e.leadQuantities().forEach(q -> out.add("l:" + q));
    e.dates().forEach(d -> out.add("t:" + d));
    return List.copyOf(out);
  }
}
