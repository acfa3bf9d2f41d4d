package io.newsmon.processor.story;

import com.ibm.icu.text.Transliterator;
import io.newsmon.processor.text.Token;
import io.newsmon.processor.text.Word;
import java.util.List;
import java.util.Set;

/**
 * Named things in any script, as keys that are equal across scripts. Candidates: in scripts with
 * capital letters, capitalised words (not the first word of a sentence unless the next word is
 * capitalised too); in Arabic, words without the article that are not frequent function words; in
 * Japanese, katakana runs (foreign names). A key is the word transliterated to Latin (ICU
 * {@code Any-Latin; Latin-ASCII}) reduced to a consonant skeleton with letters that scripts render
 * differently merged (q/c/k, v/f, p/b, kh/h/...; Greek γκ, ντ, μπ read as the g, d, b they write),
 * vowels, w, y and h dropped: Бурита, بوريطة and Bourita all give {@code brt}, Актау, أكتاو and Aktau
 * {@code kt}, Павлодар and بافلودار {@code bfldr}.
 */
public final class Names {

  /** Shortest skeleton kept as a name key. */
  public static final int MIN_KEY = 3;

  private static final ThreadLocal<Transliterator> LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

  /** Frequent Arabic words without the article that are not names (folded forms). */
  private static final Set<String> ARABIC_COMMON = Set.of(
      "في", "من", "الي", "علي", "عن", "مع", "بين", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "الذين", "كما",
      "قد", "لقد", "وقد", "ان", "او", "ثم", "حيث", "حول", "خلال", "بعد", "قبل", "عند", "منذ", "كان", "كانت", "يكون",
      "تكون", "وزير", "رييس", "نايب", "كل", "بعض", "غير", "اكثر", "اي", "لا", "لم", "لن", "ما", "هو", "هي", "هم",
      "نحو", "عبر", "ضمن", "لدي", "اجل", "مجال", "مجالات", "جانب", "اطار", "سبل", "اهميه", "تعزيز", "تطوير",
      "وزاره", "جمهوريه", "مملكه", "مدينه", "شركه", "يوم", "عام", "سنه", "شهر", "اليوم", "امس", "اكد", "اكدت",
      "قال", "قالت", "اعلن", "اعلنت", "اشار", "اشارت", "اوضح", "اوضحت", "جري", "جرت", "تم", "يتم", "عقد", "عقدت",
      "بلدين", "بلده", "بلاده", "نظيره", "نظيرته", "مستوي", "كذلك", "ايضا", "فقط", "حتي", "لكن", "بل", "اذا",
      "انه", "انها", "الا", "اما", "مثل", "عدد", "عده", "نفس", "ذات", "اخري", "اخر", "دول", "دوله", "لها", "له",
      "لهم", "به", "بها", "فيه", "فيها", "منه", "منها", "عليه", "عليها", "اليه", "اليها", "معه", "معها", "بشان",
      "وفق", "وفقا", "طن", "دولار", "مليون", "مليار", "الف", "نسبه", "بنسبه", "سفير", "سفيره", "سفاره", "وكاله",
      "مجلس", "برلمان", "رساله", "زياره", "اتفاق", "اتفاقيه", "مذكره", "تفاهم", "شراكه", "علاقات", "تعاون");

  private static final java.util.regex.Pattern GLIDE = java.util.regex.Pattern.compile("(?<=[aeiouy])j(?![aeiouy])");

  private Names() {}

  /**
   * Whether the word at {@code i} is a name candidate.
   *
   * @param text the text the tokens index
   * @param sentenceStart true when the token starts a sentence or a headline
   */
  static boolean candidate(String text, List<Token> tokens, int i, boolean sentenceStart) {
    Token t = tokens.get(i);
    int cp = t.first();
    if (t.is(Token.FIRST_UPPER) || t.is(Token.FIRST_TITLE)) {
      if (t.form().length() < 2) {
        return false;
      }
      if (!sentenceStart) {
        return true;
      }
      if (i + 1 < tokens.size()) {
        Token next = tokens.get(i + 1);
        return next.is(Token.FIRST_UPPER) && !next.is(Token.NO_LOWER) || t.is(Token.NO_LOWER);
      }
      return false;
    }
    if (cp >= 0x0600 && cp <= 0x06FF) {
      String f = t.form();
      if (f.length() < 4 || Arabic.hasArticle(f) || ARABIC_COMMON.contains(f)) {
        return false;
      }
      for (String bare : Arabic.withoutClitics(f)) {
        if (ARABIC_COMMON.contains(bare) || bare.startsWith("ال")) {
          return false;
        }
      }
      return true;
    }
    return cp >= 0x30A0 && cp <= 0x30FF; // katakana
  }

  /** True for a word of a script without capital letters (its name candidates are weaker). */
  static boolean caseless(String text, Token t) {
    return !t.is(Token.FIRST_UPPER) && !t.is(Token.FIRST_TITLE);
  }

  /** The key of a name word (see the class comment), or null when it is too short to tell names apart. */
  public static String key(Token t) {
    return t.word().get(KEY);
  }

  /** {@link #key(String)} kept with each word. */
  private static final Word.Slot<String> KEY = Word.slot(Names::keyUncached);

  private static String keyUncached(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) >= 0x80) {
        char first = word.charAt(0);
        return skeleton(LATIN.get().transliterate(first >= 0x0370 && first <= 0x03FF ? greekDigraphs(word) : word));
      }
    }
    return skeleton(word); // transliterating ASCII gives it back: skip the transliterator
  }

  /**
   * A folded Greek word with the digraphs Greek writes foreign b, d and g with read as those letters:
   * γκ as g, ντ as d at the start and nd inside a word, μπ as b at the start (inside, m and p give the
   * key's b): Καραγκάντα gives Karaganda's key.
   */
  static String greekDigraphs(String folded) {
    String s = folded.replace("γκ", "γ");
    if (s.startsWith("ντ")) {
      s = "δ" + s.substring(2);
    } else if (s.startsWith("μπ")) {
      s = "π" + s.substring(2);
    }
    return s.replace("ντ", "νδ");
  }

  /** The key of a name word (see the class comment), or null when it is too short to tell names apart. */
  public static String key(String word) {
    return Word.of(word).get(KEY);
  }

  /**
   * The key of a folded word as {@link #key(String)}, computed each time and not kept with the word: for
   * the thousands of names a watch compiles once.
   */
  public static String keyOf(String folded) {
    return keyUncached(folded);
  }

  /** The consonant skeleton of a Latin-script word (see the class comment). */
  static String skeleton(String latin) {
    // a j after a vowel and before a consonant or the end is a glide (Cyrillic й: Костанай, Kostanay)
    String s = GLIDE.matcher(latin.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
    // digraphs that stand for one sound in some transliteration
    s = s.replace("kh", "h").replace("sh", "s").replace("ch", "s").replace("zh", "j").replace("dj", "j")
        .replace("th", "t").replace("dh", "d").replace("gh", "g").replace("ph", "f").replace("ts", "s");
    StringBuilder sb = new StringBuilder(s.length());
    char last = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char m = switch (c) {
        case 'q', 'c', 'k' -> 'k';
        case 'v', 'f' -> 'f';
        case 'p', 'b' -> 'b'; // Arabic has no p (Pavlodar is بافلودار)
        case 'z' -> 'z';
        case 'x' -> 'k';
        case 'a', 'e', 'i', 'o', 'u', 'y', 'w', 'h' -> 0;
        default -> (c >= 'a' && c <= 'z') ? c : 0;
      };
      if (m != 0 && m != last) {
        sb.append(m);
      }
      if (m != 0 || (c >= 'a' && c <= 'z')) {
        last = m; // a vowel between two equal consonants keeps them apart
      }
    }
    return sb.length() < MIN_KEY ? null : sb.toString();
  }
}
