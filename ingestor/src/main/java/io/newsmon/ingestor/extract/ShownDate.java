package io.newsmon.ingestor.extract;

import java.text.DateFormatSymbols;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The publication day a page shows but does not declare in markup: pages of older publishing systems
 * print "November 9, 2012, 9:13 am" or "9. November 2012" in a dateline and nowhere else. Looked for in
 * the short elements whose {@code class} or {@code id} names a date, a time, a dateline or a byline
 * ({@code date}, {@code time}, {@code posted}, {@code published}, {@code timestamp}, {@code meta},
 * {@code byline}, {@code dateline}, …), in document order, and in microformats' {@code published}
 * elements ({@code title} holds an ISO date). Month names come from the JDK's CLDR data for the page's
 * declared language and for English, full and abbreviated, so no list of names is kept here. Forms read:
 * day month year, month day year, year-month-day; a two-digit year or a day without a month name is
 * left alone (02/03/2012 is ambiguous).
 */
final class ShownDate {

  private static final Pattern DATE_NAMES = Pattern.compile(
      "(?i)(^|[\\s_-])(date|dates|time|timestamp|posted|postedon|published|pubdate|dateline|byline|meta|"
          + "entry-meta|post-meta|postmetadata|datetime|day)($|[\\s_-])");
  private static final Pattern ISO_DAY = Pattern.compile("\\b((?:19|20)\\d\\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])\\b");
  private static final Pattern WORDY = Pattern.compile(
      "(?:(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?(\\p{L}{3,12})\\.?,?\\s+(?:de\\s+)?((?:19|20)\\d\\d))"
          + "|(?:(\\p{L}{3,12})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d))");
  private static final int MAX_TEXT = 160;
  private static final int MAX_ELEMENTS = 400;

  private ShownDate() {}

  /** The first day shown in a dateline-like element of the page, or null. */
  static Instant find(Document doc, String language) {
    Map<String, Integer> months = months(language);
    for (Element abbr : doc.select("abbr.published[title], .published[title]")) {
      Instant t = Dates.parse(abbr.attr("title"));
      if (t != null) {
        return t;
      }
    }
    int seen = 0;
    for (Element e : doc.body() == null ? doc.getAllElements() : doc.body().getAllElements()) {
      String names = e.className() + " " + e.id();
      if (names.isBlank() || !DATE_NAMES.matcher(splitCase(names)).find()) {
        continue;
      }
      if (++seen > MAX_ELEMENTS) {
        break;
      }
      String text = e.text();
      if (text.isEmpty() || text.length() > MAX_TEXT) {
        continue;
      }
      LocalDate d = read(text, months);
      if (d != null) {
        return d.atStartOfDay().toInstant(ZoneOffset.UTC);
      }
    }
    return null;
  }

  /** The first day written in {@code text} with a month name or as year-month-day, or null. */
  static LocalDate read(String text, Map<String, Integer> months) {
    Matcher iso = ISO_DAY.matcher(text);
    LocalDate isoDay = null;
    if (iso.find()) {
      isoDay = day(iso.group(1), Integer.parseInt(iso.group(2)), iso.group(3));
    }
    Matcher m = WORDY.matcher(text);
    while (m.find()) {
      if (isoDay != null && iso.start() < m.start()) {
        break;
      }
      LocalDate d = m.group(1) != null
          ? day(m.group(3), months.getOrDefault(m.group(2).toLowerCase(Locale.ROOT), 0), m.group(1))
          : day(m.group(6), months.getOrDefault(m.group(4).toLowerCase(Locale.ROOT), 0), m.group(5));
      if (d != null) {
        return d;
      }
    }
    return isoDay;
  }

  private static LocalDate day(String year, int month, String day) {
    if (month == 0) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Month names (full and abbreviated, lower case, without a final dot) of English and {@code language}. */
  static Map<String, Integer> months(String language) {
    Map<String, Integer> out = new HashMap<>();
    add(out, Locale.ENGLISH);
    if (language != null && !language.isBlank()) {
      add(out, Locale.forLanguageTag(language.strip().replace('_', '-')));
    }
    return out;
  }

  private static void add(Map<String, Integer> out, Locale locale) {
    DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
    String[][] lists = {symbols.getMonths(), symbols.getShortMonths()};
    for (String[] list : lists) {
      for (int i = 0; i < 12 && i < list.length; i++) {
        String name = list[i].toLowerCase(locale).replace(".", "").strip();
        if (name.length() >= 3) {
          out.putIfAbsent(name, i + 1);
        }
      }
    }
    // the genitive forms (Slavic languages, Greek, …) that a day number takes before the month
    try {
      java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("d MMMM", locale);
      for (int i = 1; i <= 12; i++) {
        String s = f.format(LocalDate.of(2000, i, 1)).replaceFirst("^1\\s*", "").toLowerCase(locale).replace(".", "").strip();
        if (s.length() >= 3) {
          out.putIfAbsent(s, i);
        }
      }
    } catch (RuntimeException ignored) {
      // a locale without such a pattern: the stand-alone names are enough
    }
  }

  private static String splitCase(String names) {
    return names.replaceAll("([a-z])([A-Z])", "$1-$2");
  }

  /** For tests: the instant of {@link #read} at the start of the day, UTC. */
  static Instant readInstant(String text, String language) {
    LocalDate d = read(text, months(language));
    return d == null ? null : d.atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
