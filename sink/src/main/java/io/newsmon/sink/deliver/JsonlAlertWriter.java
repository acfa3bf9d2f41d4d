package io.newsmon.sink.deliver;

import io.newsmon.common.kafka.Json;
import io.newsmon.common.record.Alert;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends alerts, one JSON object per line, to daily files {@code alerts-YYYY-MM-DD.jsonl} in a
 * directory (UTC days by the given clock). Each line is flushed before {@link #deliver} returns;
 * a new file is started when the day changes. Every revision of an alert is written: readers keep
 * the line with the highest revision per {@code alertId}.
 */
public final class JsonlAlertWriter implements AlertDeliverer {

  private static final Logger LOG = LoggerFactory.getLogger(JsonlAlertWriter.class);

  private final Path dir;
  private final Clock clock;
  private LocalDate day;
  private BufferedWriter out;

  public JsonlAlertWriter(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the alert file directory " + dir
          + " (setting sink.files.dir): " + e.getMessage(), e);
    }
  }

  /** The file alerts of {@code day} go to. */
  public Path fileFor(LocalDate day) {
    return dir.resolve("alerts-" + day + ".jsonl");
  }

  @Override
  public Result deliver(Alert alert) {
    try {
      write(alert);
      return Result.DELIVERED;
    } catch (IOException e) {
      LOG.warn("cannot write alert {} to {}: {}", alert.alertId(), dir, e.getMessage());
      closeQuietly();
      return Result.FAILED;
    }
  }

  /** Writes one line and flushes it. */
  public synchronized void write(Alert alert) throws IOException {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (out == null || !today.equals(day)) {
      closeQuietly();
      out = Files.newBufferedWriter(fileFor(today), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
      day = today;
    }
    out.write(Json.mapper().writeValueAsString(alert));
    out.write('\n');
    out.flush();
  }

  private void closeQuietly() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        LOG.debug("closing {}: {}", fileFor(day), e.getMessage());
      }
      out = null;
    }
  }

  @Override
  public String name() {
    return "files " + dir;
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }
}
