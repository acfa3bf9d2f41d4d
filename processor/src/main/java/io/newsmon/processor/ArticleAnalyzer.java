package io.newsmon.processor;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.config.ProcessorSettings;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.fingerprint.Fingerprint;
import io.newsmon.processor.fingerprint.Fingerprinter;
import io.newsmon.processor.lang.LanguageIdentifier;
import io.newsmon.processor.story.EventExtractor;
import io.newsmon.processor.text.Token;
import io.newsmon.processor.text.Tokenizer;
import io.newsmon.processor.watch.Watch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Analyses one article without any state: language, content hash, near-duplicate fingerprint,
 * entities, topics and one verdict per watch. Duplicate and story fields are left null (see
 * {@link BatchAnalyzer} and {@link ProcessorTopology} for those). Thread-safe.
 *
 * <p>The analysed text is the article's {@code text}, or its {@code summary} when the text is empty;
 * entity and evidence offsets refer to it.
 */
public final class ArticleAnalyzer {

  private final LanguageIdentifier languages;
  private final List<Watch> watches;

  ArticleAnalyzer(LanguageIdentifier languages, List<Watch> watches) {
    this.languages = languages;
    this.watches = List.copyOf(watches);
  }

  /**
   * An analyser from configuration: {@code processor.languages}, {@code processor.language.sample-chars},
   * {@code processor.language.min-confidence}, {@code processor.language.fast-path},
   * {@code processor.watches}. The language models are
   * loaded once per JVM and language set, so creating several analysers is cheap.
   */
  public static ArticleAnalyzer create(NewsmonConfig config) {
    LanguageIdentifier id = LanguageIdentifier.shared(config.get(ProcessorSettings.LANGUAGES),
        config.get(ProcessorSettings.LANGUAGE_SAMPLE_CHARS),
        config.get(ProcessorSettings.LANGUAGE_MIN_CONFIDENCE),
        config.get(ProcessorSettings.LANGUAGE_FAST_PATH));
    return new ArticleAnalyzer(id, Watches.load(config));
  }

  public List<Watch> watches() {
    return watches;
  }

  /** The text that is analysed: {@code text}, or {@code summary} when the text is empty; never null. */
  public static String body(RawArticle a) {
    if (a.text() != null && !a.text().isBlank()) {
      return a.text();
    }
    return a.summary() == null ? "" : a.summary();
  }

  public Analysis analyze(RawArticle article) {
    return analyzeWithFingerprint(article).analysis();
  }

  /** An analysis with the full near-duplicate fingerprint the dedup step needs. */
  public record Analyzed(Analysis analysis, Fingerprint fingerprint) {}

  /**
   * Every watch's verdict into {@code matches} and topics into {@code topics}; returns the entities
   * found, each once, in text order. Apart from {@link #analyzeWithFingerprint} so that each part is
   * compiled on its own.
   */
  private List<Analysis.Entity> tag(String text, List<Token> tokens, String title, List<Token> titleTokens,
      TreeSet<String> topics, List<Analysis.WatchMatch> matches) {
    Map<EntityKey, Analysis.Entity> entities = new LinkedHashMap<>();
    for (Watch w : watches) {
      Watch.Result r = w.tag(text, tokens, title, titleTokens);
      r.entities().forEach(e -> entities.putIfAbsent(new EntityKey(e.id(), e.start()), e));
      topics.addAll(r.topics());
      matches.add(r.match());
    }
    List<Analysis.Entity> sorted = new ArrayList<>(entities.values());
    sorted.sort(Comparator.comparingInt(Analysis.Entity::start));
    return sorted;
  }

  /** An entity found by several watches is kept once: the first found with its id at its offset. */
  private record EntityKey(String id, int start) {}

  /** Like {@link #analyze}, also returning the fingerprint (so the dedup step need not compute it again). */
  public Analyzed analyzeWithFingerprint(RawArticle article) {
    String text = body(article);
    String title = article.title() == null ? "" : article.title();
    Analysis.Language language = languages.identify(title, text, article.languageHint());
    List<Token> tokens = Tokenizer.tokenize(text);
    List<Token> titleTokens = Tokenizer.tokenize(title);
    boolean noText = text.isBlank();
    String hash = Fingerprinter.contentHash(noText ? titleTokens : tokens);
    List<int[]> sentences = noText ? Fingerprinter.contentSentences(title, titleTokens)
        : Fingerprinter.contentSentences(text, tokens);
    Fingerprint fingerprint = Fingerprinter.fingerprint(noText ? titleTokens : tokens, sentences);

    TreeSet<String> topics = new TreeSet<>();
    List<Analysis.WatchMatch> matches = new ArrayList<>();
    List<Analysis.Entity> sorted = tag(text, tokens, title, titleTokens, topics, matches);
    Analysis.Event event = noText
        ? EventExtractor.extract("", List.of(), title, titleTokens, sentences, article.eventTime(), sorted)
        : EventExtractor.extract(title, titleTokens, text, tokens, sentences, article.eventTime(), sorted);
    return new Analyzed(new Analysis(language, hash, fingerprint.hex(), null, null, sorted,
        List.copyOf(topics), matches, event), fingerprint);
  }
}
