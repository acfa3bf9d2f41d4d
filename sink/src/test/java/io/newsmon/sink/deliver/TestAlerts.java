package io.newsmon.sink.deliver;

import io.newsmon.common.record.Alert;
import io.newsmon.common.record.Analysis;
import java.time.Instant;
import java.util.List;

final class TestAlerts {

  private TestAlerts() {}

  static Alert alert(String id, int revision, int copies) {
    return new Alert(Alert.SCHEMA_VERSION, id, revision, "morocco-kazakhstan", "s-" + id, "a-" + id,
        "https://le360.ma/" + id, "Le Kazakhstan soutient le plan d'autonomie marocain", "fr",
        Instant.parse("2025-02-28T10:00:00Z"), 0.87, List.of("diplomacy", "sahara"),
        List.of(new Analysis.Evidence("Kazakhstan … Maroc", 3, 20)),
        new Alert.Copies(copies, copies == 0 ? List.of() : List.of("https://hespress.com/x")),
        Instant.parse("2025-02-28T10:05:00Z"), Instant.parse("2025-02-28T10:05:00Z"), "1");
  }
}
