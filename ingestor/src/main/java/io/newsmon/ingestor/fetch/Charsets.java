package io.newsmon.ingestor.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes fetched bytes with the right charset, in this order: a byte-order mark (UTF-8, UTF-16,
 * UTF-32); the HTTP {@code Content-Type} charset; the XML declaration's encoding; an HTML
 * {@code <meta charset>} or {@code http-equiv} declaration in the first 4 KB; then detection when
 * nothing is declared: valid UTF-8, UTF-16/32 by their zero-byte patterns, otherwise a byte-frequency
 * guess among windows-1256 (Arabic), windows-1251 and KOI8-R (Cyrillic) and windows-1252.
 * A declared charset the JVM does not know is ignored. Never throws.
 */
public final class Charsets {

  private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:+-]+)");
  private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([\\w.:+-]+)[\"']");
  private static final Pattern META_CHARSET = Pattern.compile(
      "(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:+-]+)");

  // Frequent letters of each language in each single-byte charset, by byte value.
  private static final int[] ARABIC_1256 = {0xC7, 0xE1, 0xED, 0xE3, 0xE6, 0xE4, 0xD1, 0xC8, 0xCA, 0xDA, 0xC9, 0xDD, 0xD3, 0xCF};
  private static final int[] RUSSIAN_1251 = {0xEE, 0xE5, 0xE0, 0xE8, 0xED, 0xF2, 0xF1, 0xF0, 0xE2, 0xEB, 0xEA, 0xEC, 0xE4, 0xEF};
  private static final int[] RUSSIAN_KOI8 = {0xCF, 0xC5, 0xC1, 0xC9, 0xCE, 0xD4, 0xD3, 0xD2, 0xD7, 0xCC, 0xCB, 0xCD, 0xC4, 0xD0};

  /** The decoded text and the charset used. */
  public record Decoded(String text, Charset charset, String how) {}

  private Charsets() {}

  public static String decode(byte[] bytes, String contentType) {
    return detect(bytes, contentType).text();
  }

  public static Decoded detect(byte[] bytes, String contentType) {
    if (bytes == null || bytes.length == 0) {
      return new Decoded("", StandardCharsets.UTF_8, "empty");
    }
    Charset bom = bom(bytes);
    if (bom != null) {
      int skip = bomLength(bytes, bom);
      return new Decoded(strip(new String(bytes, skip, bytes.length - skip, bom)), bom, "bom");
    }
    Charset header = forName(contentType == null ? null : find(HEADER_CHARSET, contentType));
    if (header != null) {
      return new Decoded(strip(new String(bytes, header)), header, "http-header");
    }
    Charset zeros = zeroBytePattern(bytes);
    if (zeros != null) {
      return new Decoded(strip(new String(bytes, zeros)), zeros, "zero-bytes");
    }
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
    Charset xml = forName(find(XML_ENCODING, head));
    if (xml != null && !isUtf16or32(xml)) {
      return new Decoded(strip(new String(bytes, xml)), xml, "xml-declaration");
    }
    Charset meta = forName(find(META_CHARSET, head));
    if (meta != null && !isUtf16or32(meta)) {
      return new Decoded(strip(new String(bytes, meta)), meta, "meta-charset");
    }
    if (isValidUtf8(bytes)) {
      return new Decoded(strip(new String(bytes, StandardCharsets.UTF_8)), StandardCharsets.UTF_8, "valid-utf-8");
    }
    Charset guess = guessSingleByte(bytes);
    return new Decoded(strip(new String(bytes, guess)), guess, "guessed");
  }

  /** Picks the single-byte charset whose frequent letters best explain the high bytes. */
  static Charset guessSingleByte(byte[] bytes) {
    int high = 0;
    int[] counts = new int[256];
    for (byte b : bytes) {
      int v = b & 0xFF;
      counts[v]++;
      if (v >= 0xC0) {
        high++;
      }
    }
    if (high < 8) {
      return Charset.forName("windows-1252");
    }
    double ar = share(counts, ARABIC_1256, high);
    double ru = share(counts, RUSSIAN_1251, high);
    double koi = share(counts, RUSSIAN_KOI8, high);
    double best = Math.max(ar, Math.max(ru, koi));
    if (best < 0.3) {
      return Charset.forName("windows-1252");
    }
    if (best == ar) {
      return Charset.forName("windows-1256");
    }
    return best == ru ? Charset.forName("windows-1251") : Charset.forName("KOI8-R");
  }

  private static double share(int[] counts, int[] letters, int total) {
    int n = 0;
    for (int l : letters) {
      n += counts[l];
    }
    return (double) n / total;
  }

  static boolean isValidUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  static Charset bom(byte[] b) {
    if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
      return Charset.forName("UTF-32BE");
    }
    if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
      return Charset.forName("UTF-32LE");
    }
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static int bomLength(byte[] b, Charset cs) {
    String n = cs.name();
    return n.startsWith("UTF-32") ? 4 : n.equals("UTF-8") ? 3 : 2;
  }

  /** {@code <} encoded in UTF-16/32 without a BOM shows as zero bytes around it. */
  static Charset zeroBytePattern(byte[] b) {
    if (b.length < 4) {
      return null;
    }
    if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
      return Charset.forName("UTF-32BE");
    }
    if (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
      return Charset.forName("UTF-32LE");
    }
    if (b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) {
      return StandardCharsets.UTF_16BE;
    }
    if (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static boolean isUtf16or32(Charset cs) {
    String n = cs.name().toUpperCase(Locale.ROOT);
    return n.startsWith("UTF-16") || n.startsWith("UTF-32");
  }

  private static String find(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? m.group(1) : null;
  }

  static Charset forName(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.strip().toLowerCase(Locale.ROOT);
    // Browsers read these labels as their windows supersets.
    n = switch (n) {
      case "iso-8859-1", "latin1", "us-ascii", "ascii" -> "windows-1252";
      case "iso-8859-6" -> "iso-8859-6";
      case "x-user-defined" -> "windows-1252";
      default -> n;
    };
    try {
      return Charset.forName(n);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static final Charset CP1252 = Charset.forName("windows-1252");

  private static String strip(String s) {
    String t = !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    return demoronize(t);
  }

  /**
   * C1 control characters (U+0080..U+009F) in decoded text are almost always windows-1252
   * punctuation (curly quotes, dashes, €) that went through a Latin-1 step; map them back.
   */
  public static String demoronize(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 && c <= 0x9F) {
        if (sb == null) {
          sb = new StringBuilder(s.length()).append(s, 0, i);
        }
        String mapped = new String(new byte[] {(byte) c}, CP1252);
        sb.append(mapped.charAt(0) == '\uFFFD' ? ' ' : mapped.charAt(0));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /**
   * True when the bytes are not text in any charset: an image, archive or executable given as a .txt
   * or .html file. Looks at the first 8 KB: a NUL byte outside UTF-16 (which is recognised by its
   * byte-order mark or its alternating zero bytes), or more than one byte in ten being a control
   * character other than tab, line feed, carriage return, form feed and escape.
   */
  public static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    if (n == 0) {
      return false;
    }
    if (n >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
        || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
      return false;
    }
    int zerosEven = 0;
    int zerosOdd = 0;
    int controls = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        if ((i & 1) == 0) {
          zerosEven++;
        } else {
          zerosOdd++;
        }
      } else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
        controls++;
      }
    }
    int zeros = zerosEven + zerosOdd;
    boolean utf16 = zeros > n / 4 && (zerosEven == 0 || zerosOdd == 0);
    if (zeros > 0 && !utf16) {
      return true;
    }
    return controls * 10 > n;
  }
}
