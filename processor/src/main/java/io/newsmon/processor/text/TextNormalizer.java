package io.newsmon.processor.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Normalisation of words for matching and hashing, the same for every language so that an alias
 * written one way matches the text written another way.
 *
 * <p>{@link #fold(String)} gives a word's basic form: invisible characters (zero-width spaces and
 * joiners, soft hyphens, direction marks, BOM) removed, lower case, Latin accents removed
 * (é → e), Arabic diacritics (harakat), hamza carriers and tatweel removed, alef forms (أ إ آ ٱ) unified
 * to ا, ى → ي, ة → ه, Persian ی/ک → ي/ك, Cyrillic ё → е, Turkish ı → i, letter apostrophes
 * (Uzbek ʻ ʼ) removed.
 *
 * <p>{@link #stems(String)} gives the forms a folded text word may match an alias under: Arabic
 * clitic prefixes (و ف ب ل ك ال بال لل وال فال) and a few suffixes (ية → ي, يين/يون → ي, pronoun
 * suffixes ها هم) removed; Russian and Kazakh case endings removed (up to five trailing letters,
 * leaving at least four: Казахстана, Казахстаном, Қазақстанның → казахстан / қазақстан); Latin plural
 * and feminine endings (-s, -es, -e). French and Spanish elisions (l', d') need no rule: the
 * apostrophe separates words.
 */
public final class TextNormalizer {

  private static final String[] ARABIC_PREFIXES = {
      "وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك"};

  private TextNormalizer() {}

  /** True for characters that render as nothing and must not split or change a word. */
  public static boolean isInvisible(int cp) {
    return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF
        || cp == 0x061C || cp == 0x180E;
  }

  private static final char LATIN_FROM = 0x00C0;
  private static final char LATIN_TO = 0x0250;
  private static final char UNSUPPORTED = 0xFFFF;
  /**
   * The folded form of each Latin-1 and Latin Extended-A/B letter when it is one character (or
   * nothing, 0), computed by {@link #foldSlow}; {@link #UNSUPPORTED} otherwise. Folding such a
   * letter alone gives what folding it inside a word gives: its decomposition has no mark that could
   * reorder with a neighbour's, and lower-casing is not context-dependent in the root locale outside
   * Greek.
   */
  private static final char[] LATIN = new char[LATIN_TO - LATIN_FROM];

  static {
    for (char c = LATIN_FROM; c < LATIN_TO; c++) {
      String f = Character.isLetter(c) ? foldSlow(String.valueOf(c)) : "xx";
      LATIN[c - LATIN_FROM] = f.isEmpty() ? 0 : f.length() == 1 ? f.charAt(0) : UNSUPPORTED;
    }
  }

  /** The basic form of one word (see the class comment). */
  public static String fold(String word) {
    String fast = foldFast(word, 0, word.length());
    return fast != null ? fast : foldSlow(word);
  }

  /** {@link #fold} of {@code text.substring(start, end)}, without copying the word first when it can. */
  public static String fold(String text, int start, int end) {
    String fast = foldFast(text, start, end);
    return fast != null ? fast : foldSlow(text.substring(start, end));
  }

  /**
   * Folds words made of ASCII, Arabic and basic Cyrillic letters without Unicode decomposition (the
   * common case, and several times faster); null for anything else.
   */
  private static String foldFast(String word, int from, int n) {
    StringBuilder sb = null;
    for (int i = from; i < n; i++) {
      char c = word.charAt(i);
      char out;
      if (c < 0x80) {
        out = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
      } else if (c >= 0x0600 && c <= 0x06FF) {
        if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) {
          out = 0; // harakat, superscript alef, tatweel
        } else {
          out = switch (c) {
            case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x0675 -> 0x0627;
            case 0x0624 -> 0x0648;
            case 0x0626, 0x0649, 0x06CC, 0x06D0 -> 0x064A;
            case 0x0629 -> 0x0647;
            case 0x06A9 -> 0x0643;
            default -> (c >= 0x0660 && c <= 0x0669) ? (char) ('0' + (c - 0x0660))
                : (c >= 0x06F0 && c <= 0x06F9) ? (char) ('0' + (c - 0x06F0)) : c;
          };
        }
      } else if (c >= 0x0410 && c <= 0x044F) {
        out = c <= 0x042F ? (char) (c + 32) : c; // А-Я → а-я
      } else if (c == 0x0401 || c == 0x0451) {
        out = 0x0435; // Ё ё → е
      } else if (c == 0x0406 || c == 0x0456 || (c >= 0x0492 && c <= 0x04BB) || (c >= 0x04D8 && c <= 0x04E9)) {
        out = Character.toLowerCase(c); // Kazakh letters (no decomposition)
      } else if (c >= LATIN_FROM && c < LATIN_TO && LATIN[c - LATIN_FROM] != UNSUPPORTED) {
        out = LATIN[c - LATIN_FROM]; // accented Latin letters (é → e), as foldSlow gives them
      } else if (isInvisible(c)) {
        out = 0;
      } else {
        return null;
      }
      if (out != c && sb == null) {
        sb = new StringBuilder(n - from);
        sb.append(word, from, i);
      }
      if (sb != null && out != 0) {
        sb.append(out);
      }
    }
    return sb != null ? sb.toString() : from == 0 && n == word.length() ? word : word.substring(from, n);
  }

  private static String foldSlow(String word) {
    String d = Normalizer.normalize(word, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); ) {
      int cp = d.codePointAt(i);
      i += Character.charCount(cp);
      if (isInvisible(cp) || cp == 0x0640 || cp == 0x02BB || cp == 0x02BC) {
        continue; // invisible characters, Arabic tatweel, letter apostrophes (Uzbek oʻ, gʻ)
      }
      int type = Character.getType(cp);
      if ((type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK) && isAccent(cp)) {
        // accents, Arabic harakat and hamza above/below, superscript alef; but keep the Cyrillic
        // breve of й (и + U+0306) so that й and и stay apart
        if (cp == 0x0306 && sb.length() > 0 && isCyrillic(sb.charAt(sb.length() - 1))) {
          sb.setCharAt(sb.length() - 1, sb.charAt(sb.length() - 1) == 'И' ? 'Й' : 'й');
        }
        continue;
      }
      sb.appendCodePoint(mapChar(cp));
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * True for marks that are accents or optional vowel points (Latin, Greek and Cyrillic diacritics,
   * Hebrew and Arabic points, the Indic nukta, kana voicing marks), false for the vowel signs of
   * Indic scripts and Thai, which are letters of the word (removing them made पेरू "Peru" equal पर).
   */
  static boolean isAccent(int cp) {
    return cp < 0x0900 || cp == 0x093C || cp == 0x09BC || cp == 0x0A3C || cp == 0x0ABC
        || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF)
        || (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x3099 || cp == 0x309A;
  }

  private static int mapChar(int cp) {
    return switch (cp) {
      case 0x0671, 0x0672, 0x0673, 0x0675 -> 0x0627; // alef wasla and other alef forms → ا
      case 0x0649, 0x06CC, 0x06D0 -> 0x064A; // alef maqsura, Persian ye → ي
      case 0x0629 -> 0x0647; // ta marbuta → ه
      case 0x06A9 -> 0x0643; // keheh → ك
      case 0x0401 -> 0x0415; // Ё → Е (the diaeresis is removed as a mark anyway)
      case 0x2019, 0x2018 -> '\'';
      case 0x0131 -> 'i'; // Turkish dotless i: İ and I fold to i too
      default -> {
        if (cp >= 0x0660 && cp <= 0x0669) {
          yield '0' + (cp - 0x0660); // Arabic-Indic digits
        }
        if (cp >= 0x06F0 && cp <= 0x06F9) {
          yield '0' + (cp - 0x06F0); // Persian digits
        }
        yield cp;
      }
    };
  }

  public static boolean isArabic(int cp) {
    return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F)
        || (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
  }

  public static boolean isCyrillic(int cp) {
    return cp >= 0x0400 && cp <= 0x052F;
  }

  /**
   * The forms under which a folded word may match a folded alias word, the word itself first.
   * See the class comment for the rules.
   */
  public static List<String> stems(String folded) {
    if (folded.isEmpty()) {
      return List.of();
    }
    int first = folded.codePointAt(0);
    if (first < 0x80 && folded.length() <= 4) {
      return List.of(folded); // short Latin words and numbers have no other form
    }
    if (isArabic(first)) {
      Set<String> out = new LinkedHashSet<>(8);
      out.add(folded);
      List<String> bases = new ArrayList<>(4);
      bases.add(folded);
      for (String p : ARABIC_PREFIXES) {
        if (folded.startsWith(p) && folded.length() - p.length() >= 2) {
          String rest = folded.substring(p.length());
          bases.add(rest);
          if (rest.startsWith("ال") && rest.length() - 2 >= 2) {
            bases.add(rest.substring(2));
          }
        }
      }
      for (String b : bases) {
        out.add(b);
        addArabicSuffixForms(b, out);
      }
      return List.copyOf(out);
    }
    List<String> out = new ArrayList<>(6);
    out.add(folded);
    if (isCyrillic(first)) {
      for (int k = 1; k <= 5 && folded.length() - k >= 4; k++) {
        out.add(folded.substring(0, folded.length() - k));
      }
    } else if (Character.isLetter(first)) {
      String w = folded;
      if (w.length() > 4 && w.endsWith("s")) {
        w = w.substring(0, w.length() - 1);
        out.add(w);
      }
      if (w.length() > 4 && w.endsWith("e")) {
        out.add(w.substring(0, w.length() - 1));
      }
    }
    return out;
  }

  private static void addArabicSuffixForms(String b, Set<String> out) {
    if (b.length() >= 4 && b.endsWith("يه")) {
      out.add(b.substring(0, b.length() - 1)); // مغربيه → مغربي
    }
    if (b.length() >= 5 && (b.endsWith("يين") || b.endsWith("يون"))) {
      out.add(b.substring(0, b.length() - 2)); // مغربيين → مغربي
    }
    if (b.length() >= 5 && (b.endsWith("ها") || b.endsWith("هم"))) {
      out.add(b.substring(0, b.length() - 2));
    }
  }

  /**
   * The canonical form of one alias word: folded, and for Arabic without a leading article ال
   * (the text side produces that form among its {@link #stems}).
   */
  public static String aliasForm(String word) {
    String f = fold(word);
    if (f.startsWith("ال") && f.length() >= 4 && isArabic(f.codePointAt(0))) {
      return f.substring(2);
    }
    return f;
  }

  /**
   * The whole text in normal form: folded words separated by single spaces, punctuation and
   * invisible characters dropped. Equal for copies that differ only in those.
   */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (Token t : Tokenizer.tokenize(text)) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(t.form());
    }
    return sb.toString();
  }
}
