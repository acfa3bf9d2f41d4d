package io.newsmon.sink;

import io.newsmon.common.record.Alert;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One alert as one readable line: time, watch, score, language, title, topics and URL, and for a
 * revision after the first {@code updated (copies: N)}, with {@code , other reports: M in ar, fr} when
 * other articles of the story (coverage, not copies) were listed. For example:
 *
 * <pre>
 * 2025-02-28 10:00Z  morocco-kazakhstan  0.90  fr  Le Kazakhstan soutient le plan d'autonomie  [diplomacy, sahara]  https://le360.ma/a
 * </pre>
 *
 * The time is the article's publication time, or when the sink first saw it if unknown (UTC).
 */
public final class AlertPrinter {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
  private static final int MAX_TITLE = 120;

  private AlertPrinter() {}

  public static String format(Alert alert) {
    Instant time = alert.publishedAt() != null ? alert.publishedAt() : alert.firstSeen();
    StringBuilder sb = new StringBuilder();
    sb.append(time == null ? "-" : TIME.format(time))
        .append("  ").append(orDash(alert.watchId()))
        .append("  ").append(String.format(java.util.Locale.ROOT, "%.2f", alert.score()))
        .append("  ").append(orDash(alert.language()))
        .append("  ").append(title(alert.title()))
        .append("  ").append(alert.topics().isEmpty() ? "[]" : alert.topics().toString())
        .append("  ").append(orDash(alert.url()));
    if (alert.revision() > 1) {
      sb.append("  updated (copies: ").append(alert.copies().count());
      if (!alert.coverage().isEmpty()) {
        // the story's other reports (not copies of the alerted article), and their languages
        java.util.Set<String> languages = new java.util.TreeSet<>();
        alert.coverage().forEach(c -> languages.add(c.language() == null ? "und" : c.language()));
        sb.append(", other reports: ").append(alert.coverage().size()).append(" in ")
            .append(String.join(", ", languages));
      }
      sb.append(')');
    }
    return sb.toString();
  }

  private static String title(String title) {
    if (title == null || title.isBlank()) {
      return "(no title)";
    }
    String t = title.strip().replaceAll("\\s+", " ");
    return t.length() <= MAX_TITLE ? t : t.substring(0, MAX_TITLE - 1) + "…";
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }
}
