package io.newsmon.processor.story;

import io.newsmon.common.record.Analysis;
import io.newsmon.processor.text.Token;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The language-independent representation of the event an article reports
 * ({@link Analysis.Event}): its day, the kinds of action of its headline and lead, the named things
 * the gazetteer does not know, its quantities and the other dates it mentions. Pure and thread-safe.
 *
 * <p>Only the headline and the content sentences are read (see
 * {@code Fingerprinter.contentSentences}): page furniture such as the date of the day at the top of
 * a site is not an event date. The lead is the first content sentence, with the next ones while it
 * has fewer than {@value #LEAD_TOKENS} words.
 */
public final class EventExtractor {

  /** Words of the lead beyond the headline. */
  public static final int LEAD_TOKENS = 30;
  /**
   * Prefix of the name keys found in scripts without capital letters (Arabic, katakana): weaker
   * candidates, matched only against names found by their capitals in another article.
   */
  public static final String CASELESS = "~";
  /** Most name keys kept per article (the first ones). */
  public static final int MAX_NAMES = 40;

  private static final java.util.regex.Pattern WORD_SEPARATORS = java.util.regex.Pattern.compile("[\\s\\p{Punct}]+");

  private EventExtractor() {}

  /**
   * @param title the headline ("" when none)
   * @param titleTokens its tokens
   * @param text the analysed text
   * @param tokens its tokens
   * @param sentences its content sentences as token ranges
   * @param published publication time (else fetch time), or null
   * @param entities the gazetteer entities found in the text (their words are not names here)
   */
  public static Analysis.Event extract(String title, List<Token> titleTokens, String text, List<Token> tokens,
      List<int[]> sentences, Instant published, List<Analysis.Entity> entities) {
    LocalDate day = published == null ? null : LocalDate.ofInstant(published, ZoneOffset.UTC);
    int leadEnd = 0;
    for (int[] s : sentences) {
      leadEnd = s[1];
      if (s[1] - sentences.get(0)[0] >= LEAD_TOKENS) {
        break;
      }
    }
    int leadStart = sentences.isEmpty() ? 0 : sentences.get(0)[0];

    // actions: headline and lead
    Set<String> kinds = new LinkedHashSet<>(Actions.DEFAULT.kinds(titleTokens, 0, titleTokens.size()));
    kinds.addAll(Actions.DEFAULT.kinds(tokens, leadStart, leadEnd));
    List<String> actions = Actions.DEFAULT.resolve(kinds);

    // dates: the first of the headline and lead is the event's day
    List<int[]> dateSpans = new ArrayList<>();
    List<MentionedDates.Found> titleDates = MentionedDates.find(title, titleTokens, 0, titleTokens.size(), day);
    Set<String> dates = new LinkedHashSet<>();
    LocalDate stated = dates(titleDates, text, tokens, sentences, day, leadEnd, dateSpans, dates);
    LocalDate eventDay = stated != null ? stated : day;
    if (eventDay != null) {
      dates.remove(eventDay.toString());
    }

    // quantities
    Set<String> lead = new LinkedHashSet<>();
    Set<String> quantities = new LinkedHashSet<>();
    quantities(title, titleDates, text, tokens, sentences, leadEnd, dateSpans, lead, quantities);

    // names
    List<String> nameList = names(text, tokens, titleTokens, sentences, entities);
    return new Analysis.Event(eventDay == null ? null : eventDay.toString(), stated != null, actions, nameList,
        List.copyOf(quantities), List.copyOf(lead), List.copyOf(dates), day == null ? null : day.toString());
  }

  /**
   * The dates of the content sentences and then of the headline into {@code dates}, their spans in
   * the text into {@code dateSpans}; returns the stated day of the event (the headline's first date,
   * else the lead's), or null.
   */
  private static LocalDate dates(List<MentionedDates.Found> titleDates, String text, List<Token> tokens,
      List<int[]> sentences, LocalDate day, int leadEnd, List<int[]> dateSpans, Set<String> dates) {
    LocalDate stated = titleDates.isEmpty() ? null : titleDates.get(0).date();
    for (int[] s : sentences) {
      for (MentionedDates.Found f : MentionedDates.find(text, tokens, s[0], s[1], day)) {
        dateSpans.add(new int[] {f.start(), f.end()});
        if (stated == null && s[0] < leadEnd) {
          stated = f.date();
        }
        dates.add(f.date().toString());
      }
    }
    titleDates.forEach(f -> dates.add(f.date().toString()));
    return stated;
  }

  /**
   * The quantities of the headline and the content sentences into {@code quantities}, those of the
   * headline and the lead also into {@code lead} (outside the dates' spans). Apart from
   * {@link #extract} so that each part is compiled on its own.
   */
  private static void quantities(String title, List<MentionedDates.Found> titleDates, String text, List<Token> tokens,
      List<int[]> sentences, int leadEnd, List<int[]> dateSpans, Set<String> lead, Set<String> quantities) {
    List<int[] > titleSpans = new ArrayList<>();
    titleDates.forEach(f -> titleSpans.add(new int[] {f.start(), f.end()}));
    lead.addAll(Quantities.find(title, 0, title.length(), titleSpans));
    quantities.addAll(lead);
    for (int[] s : sentences) {
      List<String> q = Quantities.find(text, tokens.get(s[0]).start(), tokens.get(s[1] - 1).end(), dateSpans);
      if (s[0] < leadEnd) {
        lead.addAll(q);
      }
      quantities.addAll(q);
    }

  }

  /** The name keys of the content sentences' name candidates, the first {@value #MAX_NAMES}. */
  private static List<String> names(String text, List<Token> tokens, List<Token> titleTokens, List<int[]> sentences,
      List<Analysis.Entity> entities) {
    Set<String> excluded = new HashSet<>();
    for (Analysis.Entity e : entities) {
      excluded.addAll(surfaceKeys(e.surface()));
    }
    // names from the text only: headlines are often in title case
    List<Token> candidates = new ArrayList<>();
    for (int[] s : sentences) {
      addCandidates(text, tokens, s[0], s[1], candidates);
    }
    Set<String> lower = lowerCandidates(candidates, tokens, titleTokens);
    Set<String> names = new LinkedHashSet<>();
    for (Token t : candidates) {
      if (lower.contains(t.form())) {
        continue;
      }
      String k = Names.key(t);
      if (k != null && !excluded.contains(k)) {
        names.add(Names.caseless(text, t) ? CASELESS + k : k);
      }
    }
    List<String> nameList = new ArrayList<>(names);
    if (nameList.size() > MAX_NAMES) {
      nameList = nameList.subList(0, MAX_NAMES);
    }
    return nameList;
  }

  /**
   * The name keys of the words of an entity's surface as written (a pure function of it), kept for
   * the surfaces met last: the same names recur across articles. Emptied when it holds
   * {@value #SURFACE_CACHE} surfaces.
   */
  private static List<String> surfaceKeys(String surface) {
    List<String> keys = SURFACES.get(surface);
    if (keys == null) {
      List<String> out = new ArrayList<>();
      for (String w : WORD_SEPARATORS.split(surface)) {
        String k = Names.key(w);
        if (k != null) {
          out.add(k);
        }
      }
      keys = List.copyOf(out);
      if (SURFACES.size() >= SURFACE_CACHE) {
        SURFACES.clear();
      }
      SURFACES.put(surface, keys);
    }
    return keys;
  }

  private static final int SURFACE_CACHE = 10_000;
  private static final java.util.Map<String, List<String>> SURFACES = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The forms of the candidates that are also written in lower case somewhere in the text or the
   * headline (a capitalised one of them is no name).
   */
  private static Set<String> lowerCandidates(List<Token> candidates, List<Token> tokens, List<Token> titleTokens) {
    if (candidates.isEmpty()) {
      return Set.of();
    }
    Set<String> forms = new HashSet<>();
    long filter = 0; // one bit per candidate form's hash: most words are told apart without the set
    for (Token t : candidates) {
      forms.add(t.form());
      filter |= 1L << t.word().hash();
    }
    Set<String> out = new HashSet<>();
    for (List<Token> list : List.of(tokens, titleTokens)) {
      for (Token t : list) {
        if (t.is(Token.FIRST_LOWER) && (filter & (1L << t.word().hash())) != 0 && forms.contains(t.form())) {
          out.add(t.form());
        }
      }
    }
    return out;
  }

  /** The name candidates among the tokens {@code [from, to)} of one sentence, in order. */
  private static void addCandidates(String text, List<Token> tokens, int from, int to, List<Token> out) {
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      if (t.numeric() || Actions.DEFAULT.kindOf(t) != null || MentionedDates.isDateWord(t)) {
        continue;
      }
      boolean start = i == from || sentenceBreakBefore(text, tokens.get(i - 1).end(), t.start());
      if (Names.candidate(text, tokens, i, start)) {
        out.add(t);
      }
    }
  }

  private static boolean sentenceBreakBefore(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' || c == '«' || c == '“') {
        return true;
      }
    }
    return false;
  }
}
