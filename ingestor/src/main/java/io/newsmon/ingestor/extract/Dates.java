package io.newsmon.ingestor.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * Lenient parsing of the dates found in pages and feeds: ISO-8601 with or without offset, seconds or
 * fraction, a space instead of {@code T}, a bare date, RFC 1123 ({@code Tue, 3 Jun 2008 11:05:30 GMT})
 * and epoch seconds/milliseconds. A date without an offset is taken as UTC. Returns null for anything
 * it cannot read, never throws. A time outside the years 1000–9999 is no publication time (a hostile
 * {@code +999999999-12-31} would overflow epoch milliseconds downstream) and reads as null.
 */
public final class Dates {

  private static final DateTimeFormatter ISO_LENIENT = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);

  private static final List<DateTimeFormatter> OTHERS = List.of(
      DateTimeFormatter.RFC_1123_DATE_TIME,
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH),
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] Z", Locale.ENGLISH),
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] Z", Locale.ENGLISH),
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm[:ss]", Locale.ROOT),
      DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT),
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT),
      DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT));

  private Dates() {}

  /** A parsed time as an instant; times without an offset are taken as UTC. */
  private static Instant toInstant(Object t) {
    if (t instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (t instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (t instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    if (t instanceof LocalDate d) {
      return d.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    return null;
  }

  private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  public static Instant parse(String raw) {
    Instant t = parseAny(raw);
    return t == null || t.isBefore(EARLIEST) || t.isAfter(LATEST) ? null : t;
  }

  private static Instant parseAny(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    if (s.isEmpty() || s.length() > 80) {
      return null;
    }
    if (s.matches("\\d{10}")) {
      return Instant.ofEpochSecond(Long.parseLong(s));
    }
    if (s.matches("\\d{13}")) {
      return Instant.ofEpochMilli(Long.parseLong(s));
    }
    try {
      Instant t = toInstant(ISO_LENIENT.parseBest(s, OffsetDateTime::from, LocalDateTime::from, LocalDate::from));
      if (t != null) {
        return t;
      }
    } catch (RuntimeException ignored) {
      // try the others
    }
    String compact = s.replaceAll("\\s+", " ");
    for (DateTimeFormatter f : OTHERS) {
      try {
        Instant t = toInstant(
            f.parseBest(compact, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from));
        if (t != null) {
          return t;
        }
      } catch (RuntimeException ignored) {
        // next
      }
    }
    return null;
  }
}
