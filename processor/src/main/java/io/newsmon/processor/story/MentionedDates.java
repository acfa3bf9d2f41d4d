package io.newsmon.processor.story;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.text.RelativeDateTimeFormatter;
import com.ibm.icu.util.ULocale;
import io.newsmon.processor.text.Token;
import io.newsmon.processor.text.Word;
import io.newsmon.processor.text.Tokenizer;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the days a text mentions and resolves them to dates: "28 February 2025", "February 28",
 * "le 28 février", "28 февраля", "28 ақпанда", "الجمعة 28 فبراير", "28.02.2025", "2025-02-28", and,
 * against the publication day, weekdays ("on Friday": the last Friday up to that day) and
 * yesterday / today. Month and weekday names and the words for yesterday and today come from CLDR
 * (ICU) for every language listed in {@link #LOCALES}, so none is written here.
 */
public final class MentionedDates {

  /** Languages (and Arabic regional calendars' month names) whose date words are recognised. */
  public static final List<String> LOCALES = List.of("en", "fr", "es", "ru", "kk", "ar", "ar_MA", "ar_DZ",
      "ar_TN", "ar_EG", "ar_SA", "ar_SY", "ar_IQ", "de", "it", "pt", "tr", "uz", "uz_Cyrl", "ky", "tg", "az");

  private static final Map<String, Integer> MONTHS = new HashMap<>();
  /** Cyrillic month names long enough to match inflected forms by prefix (Kazakh locative, Russian cases). */
  private static final Map<String, Integer> MONTH_STEMS = new HashMap<>();
  private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();
  /** Weekday names without their last letter, for inflected Cyrillic forms (пятница: в пятницу). */
  private static final Map<String, DayOfWeek> WEEKDAY_STEMS = new HashMap<>();
  /** Token sequences meaning yesterday (-1) or today (0). */
  private static final List<Object[]> RELATIVE = new ArrayList<>();
  /**
   * The indexes into {@link #RELATIVE} of the phrases starting with each first word, so a token is
   * compared with the few phrases it can start rather than with every phrase of every locale.
   */
  private static final Map<String, List<Integer>> RELATIVE_BY_FIRST = new HashMap<>();
  /** Numeric dates: the specification of {@link #nextNumericDate}, which reads it by hand. */
  static final Pattern NUMERIC = Pattern.compile(
      "(?<![\\d.])(?:(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})[./](\\d{1,2})[./](\\d{4}))(?![\\d])");

  static {
    for (String tag : LOCALES) {
      ULocale loc = new ULocale(tag);
      DateFormatSymbols s = new DateFormatSymbols(loc);
      for (int ctx : new int[] {DateFormatSymbols.FORMAT, DateFormatSymbols.STANDALONE}) {
        for (int width : new int[] {DateFormatSymbols.WIDE, DateFormatSymbols.ABBREVIATED}) {
          String[] months = s.getMonths(ctx, width);
          for (int m = 0; m < Math.min(12, months.length); m++) {
            List<Token> t = Tokenizer.tokenize(months[m]);
            if (t.size() == 1 && t.get(0).form().length() >= 3 && !t.get(0).numeric()) {
              MONTHS.putIfAbsent(t.get(0).form(), m + 1);
              if (width == DateFormatSymbols.WIDE && t.get(0).form().length() >= 5) {
                MONTH_STEMS.putIfAbsent(stem(t.get(0).form()), m + 1);
              }
            }
          }
          String[] days = s.getWeekdays(ctx, DateFormatSymbols.WIDE);
          for (int d = 1; d < days.length; d++) {
            List<Token> t = Tokenizer.tokenize(days[d]);
            if (t.size() == 1 && t.get(0).form().length() >= 4) {
              // ICU: 1 = Sunday ... 7 = Saturday
              DayOfWeek w = DayOfWeek.of(d == 1 ? 7 : d - 1);
              WEEKDAYS.putIfAbsent(t.get(0).form(), w);
              if (t.get(0).form().length() >= 5) {
                WEEKDAY_STEMS.putIfAbsent(stem(t.get(0).form()), w);
              }
            }
          }
        }
      }
      RelativeDateTimeFormatter r = RelativeDateTimeFormatter.getInstance(loc);
      addRelative(r.format(RelativeDateTimeFormatter.Direction.LAST, RelativeDateTimeFormatter.AbsoluteUnit.DAY), -1);
      addRelative(r.format(RelativeDateTimeFormatter.Direction.THIS, RelativeDateTimeFormatter.AbsoluteUnit.DAY), 0);
    }
  }

  private static String stem(String month) {
    return month.substring(0, month.length() - 1);
  }

  private static void addRelative(String phrase, int offset) {
    List<Token> t = Tokenizer.tokenize(phrase);
    if (!t.isEmpty() && !(t.size() == 1 && t.get(0).form().length() < 3)) {
      RELATIVE_BY_FIRST.computeIfAbsent(t.get(0).form(), k -> new ArrayList<>()).add(RELATIVE.size());
      RELATIVE.add(new Object[] {t.stream().map(Token::form).toList(), offset});
    }
  }

  private MentionedDates() {}

  /** A date found in the text, with the characters it spans. */
  public record Found(LocalDate date, int start, int end) {}

  /**
   * The dates mentioned in {@code text} by the tokens in {@code [from, to)}.
   *
   * @param published the publication day (resolves weekdays, yesterday/today and missing years), or null
   */
  public static List<Found> find(String text, List<Token> tokens, int from, int to, LocalDate published) {
    List<Found> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Token tok = tokens.get(i);
      DateWord word = tok.word().get(DATE_WORD);
      Integer month = word.month();
      if (month != null) {
        int day = -1;
        int start = tok.start();
        int end = tok.end();
        int next = i + 1;
        if (i - 1 >= from && dayNumber(tokens.get(i - 1).form()) > 0) {
          day = dayNumber(tokens.get(i - 1).form());
          start = tokens.get(i - 1).start();
        } else if (i - 2 >= from && dayNumber(tokens.get(i - 2).form()) > 0
            && tokens.get(i - 1).form().length() <= 3 && !tokens.get(i - 1).numeric()) {
          day = dayNumber(tokens.get(i - 2).form()); // 28-ші ақпан, 1er mars
          start = tokens.get(i - 2).start();
        } else if (next < to && dayNumber(tokens.get(next).form()) > 0 && !isYear(tokens.get(next).form())) {
          day = dayNumber(tokens.get(next).form());
          end = tokens.get(next).end();
          next++;
        }
        if (day < 0) {
          continue;
        }
        int year = -1;
        if (next < to && isYear(tokens.get(next).form())) {
          year = Integer.parseInt(tokens.get(next).form());
          end = tokens.get(next).end();
        }
        LocalDate d = resolve(year, month, day, published);
        if (d != null) {
          out.add(new Found(d, start, end));
        }
        continue;
      }
      if (published == null) {
        continue;
      }
      DayOfWeek w = word.weekday();
      if (w != null) {
        int back = (published.getDayOfWeek().getValue() - w.getValue() + 7) % 7;
        out.add(new Found(published.minusDays(back), tok.start(), tok.end()));
        continue;
      }
      List<Integer> candidates = word.relative();
      for (int c = 0; c < candidates.size(); c++) {
        Object[] r = RELATIVE.get(candidates.get(c));
        @SuppressWarnings("unchecked")
        List<String> words = (List<String>) r[0];
        if (i + words.size() <= to && matches(tokens, i, words)) {
          out.add(new Found(published.plusDays((Integer) r[1]), tok.start(), tokens.get(i + words.size() - 1).end()));
          break;
        }
      }
    }
    if (from < to) {
      int lo = tokens.get(from).start();
      int hi = tokens.get(to - 1).end();
      int[] m = new int[5];
      int pos = lo;
      while (nextNumericDate(text, pos, lo, hi, m)) {
        pos = m[1];
        LocalDate d = date(m[2], m[3], m[4]);
        if (d != null) {
          out.add(new Found(d, m[0], m[1]));
        }
      }
      out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    }
    return out;
  }

  /**
   * The next match of {@link #NUMERIC} in {@code text[lo, hi)} from {@code pos}: fills {@code m} with
   * its start, end, year, month and day; false when there is none.
   */
  static boolean nextNumericDate(String text, int pos, int lo, int hi, int[] m) {
    for (int i = Math.max(pos, lo); i < hi; i++) {
      char c = text.charAt(i);
      if (c > '9' || c < '0') {
        continue;
      }
      if (!digit(text, i, hi) || (i > lo && (digit(text, i - 1, hi) || text.charAt(i - 1) == '.'))) {
        continue;
      }
      // 2025-02-28
      if (digits(text, i, 4, hi) && at(text, i + 4, '-', hi) && digits(text, i + 5, 2, hi)
          && at(text, i + 7, '-', hi) && digits(text, i + 8, 2, hi) && !digit(text, i + 10, hi)) {
        m[0] = i;
        m[1] = i + 10;
        m[2] = number(text, i, i + 4);
        m[3] = number(text, i + 5, i + 7);
        m[4] = number(text, i + 8, i + 10);
        return true;
      }
      // 28.02.2025, 28/2/2025
      int a = run(text, i, hi);
      if (a - i > 2 || !dateSeparator(text, a, hi)) {
        continue;
      }
      int b = run(text, a + 1, hi);
      if (b - (a + 1) < 1 || b - (a + 1) > 2 || !dateSeparator(text, b, hi)) {
        continue;
      }
      if (digits(text, b + 1, 4, hi) && !digit(text, b + 5, hi)) {
        m[0] = i;
        m[1] = b + 5;
        m[2] = number(text, b + 1, b + 5);
        m[3] = number(text, a + 1, b);
        m[4] = number(text, i, a);
        return true;
      }
    }
    return false;
  }

  private static boolean digit(String s, int i, int hi) {
    return i < hi && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  private static boolean digits(String s, int from, int n, int hi) {
    for (int k = from; k < from + n; k++) {
      if (!digit(s, k, hi)) {
        return false;
      }
    }
    return true;
  }

  private static boolean at(String s, int i, char c, int hi) {
    return i < hi && s.charAt(i) == c;
  }

  private static boolean dateSeparator(String s, int i, int hi) {
    return at(s, i, '.', hi) || at(s, i, '/', hi);
  }

  /** The end of the run of ASCII digits from {@code i}. */
  private static int run(String s, int i, int hi) {
    while (digit(s, i, hi)) {
      i++;
    }
    return i;
  }

  private static int number(String s, int from, int to) {
    int n = 0;
    for (int k = from; k < to; k++) {
      n = n * 10 + (s.charAt(k) - '0');
    }
    return n;
  }

  /**
   * The phrases (indexes into {@link #RELATIVE}, in its order) whose first word is {@code f} or
   * {@code f} without its Arabic clitics: the only ones {@link #matches} can accept at this token.
   */
  private static List<Integer> relativeCandidatesUncached(String f) {
    List<Integer> exact = RELATIVE_BY_FIRST.get(f);
    List<String> bare = Arabic.withoutClitics(f);
    if (bare.isEmpty()) {
      return exact == null ? List.of() : exact;
    }
    java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
    if (exact != null) {
      all.addAll(exact);
    }
    for (String b : bare) {
      List<Integer> more = RELATIVE_BY_FIRST.get(b);
      if (more != null) {
        all.addAll(more);
      }
    }
    return new ArrayList<>(all);
  }

  private static boolean matches(List<Token> tokens, int i, List<String> words) {
    for (int k = 0; k < words.size(); k++) {
      String f = tokens.get(i + k).form();
      String w = words.get(k);
      if (!f.equals(w) && !(k == 0 && Arabic.withoutClitics(f).contains(w))) {
        return false;
      }
    }
    return true;
  }

  /** What a word says of dates: the month or weekday it names, the relative-day phrases it can start. */
  private record DateWord(Integer month, DayOfWeek weekday, List<Integer> relative) {}

  private static final Word.Slot<DateWord> DATE_WORD = Word.slot(f -> new DateWord(monthUncached(f),
      weekdayUncached(f), List.copyOf(relativeCandidatesUncached(f))));

  /** True when the token's word names a month or a weekday. */
  static boolean isDateWord(Token t) {
    DateWord w = t.word().get(DATE_WORD);
    return w.month() != null || w.weekday() != null;
  }

  static Integer month(String f) {
    return Word.of(f).get(DATE_WORD).month();
  }

  static DayOfWeek weekday(String f) {
    return Word.of(f).get(DATE_WORD).weekday();
  }

  private static Integer monthUncached(String f) {
    Integer m = MONTHS.get(f);
    if (m == null && f.length() >= 4) {
      for (String bare : Arabic.withoutClitics(f)) {
        m = MONTHS.get(bare);
        if (m != null) {
          return m;
        }
      }
      for (int len = Math.min(f.length(), 9); len >= 4 && m == null && cyrillic(f); len--) {
        m = MONTH_STEMS.get(f.substring(0, len));
      }
    }
    return m;
  }

  private static DayOfWeek weekdayUncached(String f) {
    DayOfWeek w = WEEKDAYS.get(f);
    if (w == null && f.length() >= 5) {
      for (String bare : Arabic.withoutClitics(f)) {
        w = WEEKDAYS.get(bare);
        if (w == null) {
          w = WEEKDAYS.get("ال" + bare);
        }
        if (w != null) {
          return w;
        }
      }
      // inflected forms: Russian "в пятницу", Kazakh "жұмада" (not Latin: "montagne" is no "Montag")
      for (int len = f.length() - 1; len >= Math.max(4, f.length() - 2) && w == null && cyrillic(f); len--) {
        w = WEEKDAYS.get(f.substring(0, len));
        if (w == null) {
          w = WEEKDAY_STEMS.get(f.substring(0, len));
        }
      }
    }
    return w;
  }

  private static boolean cyrillic(String f) {
    return f.charAt(0) >= 0x0400 && f.charAt(0) <= 0x04FF;
  }

  /** 1..31 for a day number (also "1er", "1st", "28th"), else -1. */
  static int dayNumber(String f) {
    int n = 0;
    int i = 0;
    while (i < f.length() && i < 2 && Character.isDigit(f.charAt(i))) {
      n = n * 10 + (f.charAt(i) - '0');
      i++;
    }
    if (i == 0 || (i < f.length() && Character.isDigit(f.charAt(i)))) {
      return -1;
    }
    String rest = f.substring(i);
    if (!rest.isEmpty() && !List.of("er", "re", "st", "nd", "rd", "th", "e", "го", "ое").contains(rest)) {
      return -1;
    }
    return n >= 1 && n <= 31 ? n : -1;
  }

  static boolean isYear(String f) {
    if (f.length() != 4) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (!Character.isDigit(f.charAt(i))) {
        return false;
      }
    }
    int y = Integer.parseInt(f);
    return y >= 1900 && y <= 2100;
  }

  /** The date of a day and month (and year, or -1): without a year, the one nearest the publication day. */
  static LocalDate resolve(int year, int month, int day, LocalDate published) {
    if (year > 0) {
      return date(year, month, day);
    }
    if (published == null) {
      return null;
    }
    LocalDate best = null;
    for (int y = published.getYear() - 1; y <= published.getYear() + 1; y++) {
      LocalDate d = date(y, month, day);
      if (d != null && (best == null || Math.abs(d.toEpochDay() - published.toEpochDay())
          < Math.abs(best.toEpochDay() - published.toEpochDay()))) {
        best = d;
      }
    }
    return best;
  }

  private static LocalDate date(int y, int m, int d) {
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
