package io.newsmon.processor.lang;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.config.ProcessorSettings;
import io.newsmon.common.kafka.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Language accuracy over labelled articles (JSON arrays of objects with {@code id}, {@code lang},
 * {@code title}, {@code text} and optionally {@code split}), per language and per split, with the
 * identifier configured as the processor is ({@code processor.language.*} defaults).
 *
 * <pre>
 * java -cp 'app/target/lib/*' io.newsmon.processor.lang.LanguageAccuracy [--split dev] [--markdown] PATH...
 * </pre>
 *
 * <p>A PATH is a JSON file or a folder of them. Articles without a split are counted under their
 * file's name. {@code --split S} scores only that split (tune on {@code dev}; score {@code test}
 * once). {@code --markdown} prints the table of every supported language for the README.
 */
public final class LanguageAccuracy {

  /** The split name of articles that have none (the first labelled set). */
  public static final String NO_SPLIT = "all";

  /** One labelled article. */
  public record Sample(String id, String lang, String split, String title, String text) {}

  /** Right answers out of the articles seen. */
  public record Score(int right, int total) {
    public double accuracy() {
      return total == 0 ? Double.NaN : (double) right / total;
    }

    Score plus(boolean ok) {
      return new Score(right + (ok ? 1 : 0), total + 1);
    }
  }

  /** Scores per split and language, and the wrong answers. */
  public record Report(Map<String, Map<String, Score>> bySplit, List<String> errors) {
    /** Over every language of a split. */
    public Score overall(String split) {
      int r = 0;
      int t = 0;
      for (Score s : bySplit.getOrDefault(split, Map.of()).values()) {
        r += s.right();
        t += s.total();
      }
      return new Score(r, t);
    }
  }

  private LanguageAccuracy() {}

  /** The identifier as the processor configures it by default. */
  public static LanguageIdentifier defaultIdentifier() {
    NewsmonConfig c = NewsmonConfig.defaults();
    return LanguageIdentifier.shared(c.get(ProcessorSettings.LANGUAGES), c.get(ProcessorSettings.LANGUAGE_SAMPLE_CHARS),
        c.get(ProcessorSettings.LANGUAGE_MIN_CONFIDENCE), c.get(ProcessorSettings.LANGUAGE_FAST_PATH));
  }

  public static Report score(LanguageIdentifier id, List<Sample> samples) {
    Map<String, Map<String, Score>> bySplit = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    for (Sample s : samples) {
      String got = id.identify(s.title(), s.text(), null).code();
      boolean ok = got.equals(s.lang());
      bySplit.computeIfAbsent(s.split(), k -> new TreeMap<>()).merge(s.lang(), new Score(ok ? 1 : 0, 1),
          (a, b) -> new Score(a.right() + b.right(), a.total() + b.total()));
      if (!ok) {
        errors.add(s.split() + " " + s.id() + ": " + s.lang() + " identified as " + got);
      }
    }
    return new Report(bySplit, errors);
  }

  /** The articles of a JSON array; those without a split are under {@value #NO_SPLIT}. */
  public static List<Sample> read(InputStream in) throws IOException {
    return read(in, NO_SPLIT);
  }

  private static List<Sample> read(InputStream in, String defaultSplit) throws IOException {
    List<Sample> out = new ArrayList<>();
    for (JsonNode n : Json.mapper().readTree(in)) {
      String split = n.path("split").asText("");
      out.add(new Sample(n.path("id").asText(), n.path("lang").asText(),
          split.isEmpty() ? defaultSplit : split, n.path("title").asText(null), n.path("text").asText(null)));
    }
    return out;
  }

  /**
   * The articles of a JSON file, or of every {@code .json} file of a folder (sorted by name). Articles
   * without a split are under the file's name without {@code .json} ({@code articles}, {@code samples}).
   */
  public static List<Sample> read(Path path) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> s = Files.list(path)) {
        s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
      }
    } else {
      files.add(path);
    }
    List<Sample> out = new ArrayList<>();
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        out.addAll(read(in, f.getFileName().toString().replaceFirst("\\.json$", "")));
      }
    }
    return out;
  }

  /** How the identifier tells a language apart, for the README table. */
  public static String howDecided(String code) {
    ScriptGroup g = group(code);
    if (code.equals("uz")) {
      return "letters and frequent words (no Lingua model)";
    }
    if (code.equals(IndonesianMalay.INDONESIAN) || code.equals(IndonesianMalay.MALAY)) {
      return "shared words, then the words where id and ms differ, else model";
    }
    return switch (g.decision()) {
      case SCRIPT -> "script";
      case NONE -> "none";
      case MODEL -> switch (g) {
        case CYRILLIC, ARABIC -> "letters, else model";
        case DEVANAGARI -> "frequent words, else model";
        case LATIN -> FunctionWords.languages().contains(code) ? "function words, else model" : "model";
        default -> "model";
      };
    };
  }

  /** The first script group a language is written in (Uzbek: Latin, also Cyrillic). */
  public static ScriptGroup group(String code) {
    for (ScriptGroup g : ScriptGroup.values()) {
      if (g.languages().contains(code)) {
        return g;
      }
    }
    return ScriptGroup.OTHER;
  }

  static String name(String code) {
    return Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
  }

  static String scriptName(String code) {
    if (code.equals("uz")) {
      return "Latin, Cyrillic";
    }
    String g = group(code).name().toLowerCase(Locale.ROOT);
    return group(code) == ScriptGroup.CJK ? "CJK" : Character.toUpperCase(g.charAt(0)) + g.substring(1);
  }

  private static String cell(Score s) {
    return s == null || s.total() == 0 ? "–" : String.format(Locale.ROOT, "%.2f (%d)", s.accuracy(), s.total());
  }

  static void printPlain(Report r, PrintStream out) {
    for (Map.Entry<String, Map<String, Score>> split : r.bySplit().entrySet()) {
      Score all = r.overall(split.getKey());
      out.printf(Locale.ROOT, "split %s: %d/%d = %.3f over %d languages%n", split.getKey(), all.right(),
          all.total(), all.accuracy(), split.getValue().size());
      for (Map.Entry<String, Score> e : split.getValue().entrySet()) {
        out.printf(Locale.ROOT, "  %-3s %-22s %-8s %s%n", e.getKey(), name(e.getKey()),
            group(e.getKey()).name().toLowerCase(Locale.ROOT), cell(e.getValue()));
      }
    }
    r.errors().forEach(e -> out.println("  wrong: " + e));
  }

  /**
   * Every supported language with its accuracy per split (columns in the order given): accuracy and,
   * in brackets, the number of articles; the last row gives every language of a split.
   */
  static void printMarkdown(Report r, List<String> splits, PrintStream out) {
    StringBuilder head = new StringBuilder("| code | language | script | decided by |");
    StringBuilder rule = new StringBuilder("|---|---|---|---|");
    for (String s : splits) {
      head.append(' ').append(s).append(" |");
      rule.append("---|");
    }
    out.println(head);
    out.println(rule);
    for (String code : ScriptGroup.allLanguages()) {
      StringBuilder row = new StringBuilder("| " + code + " | " + name(code) + " | " + scriptName(code)
          + " | " + howDecided(code) + " |");
      for (String s : splits) {
        row.append(' ').append(cell(r.bySplit().getOrDefault(s, Map.of()).get(code))).append(" |");
      }
      out.println(row);
    }
    StringBuilder total = new StringBuilder("| | **all languages** | | |");
    for (String s : splits) {
      Score all = r.overall(s);
      total.append(String.format(Locale.ROOT, " **%.3f (%d/%d)** |", all.accuracy(), all.right(), all.total()));
    }
    out.println(total);
  }

  public static void main(String[] args) throws IOException {
    String only = null;
    boolean markdown = false;
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--split" -> only = args[++i];
        case "--markdown" -> markdown = true;
        default -> samples.addAll(read(Path.of(args[i])));
      }
    }
    if (samples.isEmpty()) {
      System.err.println("usage: LanguageAccuracy [--split NAME] [--markdown] FILE_OR_FOLDER...");
      System.exit(2);
    }
    String keep = only;
    List<Sample> scored = keep == null ? samples : samples.stream().filter(s -> s.split().equals(keep)).toList();
    Report r = score(defaultIdentifier(), scored);
    if (markdown) {
      List<String> splits = new ArrayList<>(r.bySplit().keySet());
      splits.sort(java.util.Comparator.comparing((String x) -> !x.equals("dev")).thenComparing(x -> !x.equals("test"))
          .thenComparing(x -> x));
      printMarkdown(r, splits, System.out);
    } else {
      printPlain(r, System.out);
    }
  }
}
