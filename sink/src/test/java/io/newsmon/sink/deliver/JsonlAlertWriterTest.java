package io.newsmon.sink.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.kafka.Json;
import io.newsmon.common.record.Alert;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlAlertWriterTest {

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    Instant now;

    MovableClock(Instant start) {
      now = start;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @TempDir
  Path dir;

  @Test
  void writesOneLinePerAlertAndRollsOverAtMidnightUtc() throws Exception {
    MovableClock clock = new MovableClock(Instant.parse("2026-03-01T23:59:58Z"));
    try (JsonlAlertWriter w = new JsonlAlertWriter(dir.resolve("alerts"), clock)) {
      assertThat(w.deliver(TestAlerts.alert("al-1", 1, 0))).isEqualTo(AlertDeliverer.Result.DELIVERED);
      assertThat(w.deliver(TestAlerts.alert("al-1", 2, 1))).isEqualTo(AlertDeliverer.Result.DELIVERED);
      clock.now = Instant.parse("2026-03-02T00:00:01Z");
      assertThat(w.deliver(TestAlerts.alert("al-2", 1, 0))).isEqualTo(AlertDeliverer.Result.DELIVERED);

      Path day1 = w.fileFor(LocalDate.parse("2026-03-01"));
      Path day2 = w.fileFor(LocalDate.parse("2026-03-02"));
      assertThat(day1.getFileName().toString()).isEqualTo("alerts-2026-03-01.jsonl");
      List<String> lines1 = Files.readAllLines(day1, StandardCharsets.UTF_8);
      List<String> lines2 = Files.readAllLines(day2, StandardCharsets.UTF_8);
      assertThat(lines1).hasSize(2);
      assertThat(lines2).hasSize(1);
      Alert back = Json.mapper().readValue(lines1.get(1), Alert.class);
      assertThat(back.alertId()).isEqualTo("al-1");
      assertThat(back.revision()).isEqualTo(2);
      assertThat(back.copies().count()).isEqualTo(1);
      assertThat(Json.mapper().readValue(lines2.get(0), Alert.class).alertId()).isEqualTo("al-2");
    }
  }

  @Test
  void appendsToTheFileOfTheDayAfterARestart() throws Exception {
    MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    try (JsonlAlertWriter w = new JsonlAlertWriter(dir, clock)) {
      w.deliver(TestAlerts.alert("al-1", 1, 0));
    }
    try (JsonlAlertWriter w = new JsonlAlertWriter(dir, clock)) {
      w.deliver(TestAlerts.alert("al-2", 1, 0));
      assertThat(Files.readAllLines(w.fileFor(LocalDate.parse("2026-03-01")))).hasSize(2);
    }
  }
}
