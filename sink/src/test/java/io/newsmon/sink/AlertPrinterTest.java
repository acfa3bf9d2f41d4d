package io.newsmon.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Alert;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertPrinterTest {

  private static Alert alert(int revision, int copies, String title, Instant published) {
    return new Alert(1, "al-1", revision, "morocco-kazakhstan", "s-1", "a-1", "https://hespress.com/ar/1", title,
        "ar", published, 0.876, List.of("diplomacy", "trade"), List.of(),
        new Alert.Copies(copies, List.of()), Instant.parse("2025-03-01T09:00:00Z"),
        Instant.parse("2025-03-01T09:00:00Z"), "1");
  }

  @Test
  void firstRevisionLine() {
    String line = AlertPrinter.format(alert(1, 0, "المغرب وكازاخستان يوقعان اتفاقية", Instant.parse("2025-02-28T10:15:30Z")));
    assertThat(line).isEqualTo("2025-02-28 10:15Z  morocco-kazakhstan  0.88  ar  المغرب وكازاخستان يوقعان اتفاقية"
        + "  [diplomacy, trade]  https://hespress.com/ar/1");
  }

  @Test
  void updatesSayHowManyCopies() {
    assertThat(AlertPrinter.format(alert(3, 2, "t", null)))
        .startsWith("2025-03-01 09:00Z").endsWith("  updated (copies: 2)");
  }

  @Test
  void updatesNameTheStorysOtherReportsAndTheirLanguages() {
    Alert a = alert(2, 0, "t", null);
    Alert covered = new Alert(a.schemaVersion(), a.alertId(), a.revision(), a.watchId(), a.storyId(), a.articleId(),
        a.url(), a.title(), a.language(), a.publishedAt(), a.score(), a.topics(), a.evidence(), a.copies(),
        a.firstSeen(), a.updatedAt(), a.ruleVersion(), List.of(new Alert.Coverage("fr", "le360.ma", "https://le360.ma/x"),
            new Alert.Coverage("ar", "hespress.com", "https://hespress.com/y"),
            new Alert.Coverage("fr", "medias24.com", "https://medias24.com/z")));
    assertThat(AlertPrinter.format(covered)).endsWith("  updated (copies: 0, other reports: 3 in ar, fr)");
  }

  @Test
  void missingAndLongTitles() {
    assertThat(AlertPrinter.format(alert(1, 0, null, null))).contains("(no title)");
    String longTitle = "Kazakhstan ".repeat(30);
    String line = AlertPrinter.format(alert(1, 0, longTitle + "\n end", null));
    assertThat(line).contains("…").doesNotContain("\n");
  }
}
