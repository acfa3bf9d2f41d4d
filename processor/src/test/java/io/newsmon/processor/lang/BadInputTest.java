package io.newsmon.processor.lang;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.ArticleAnalyzer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text in unknown scripts, mixed scripts or no letters gets a language or und, never an exception. */
class BadInputTest {

  static final LanguageIdentifier ALL = LanguageIdentifier.shared(java.util.List.of("all"), 600, 0.2);

  /** Inputs whose language must be und: no known language or too little text. */
  static Map<String, String> undetermined() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("tifinagh", "ⴰⵎⵏⵣⵓ ⵏ ⵜⵎⵙⵙⵓⴷⵓⵜ ⵉⵙⵙⵉⵡⴹ ⵜⴰⵙⵏⴰⵏⵜ ⵏ ⵓⵙⵍⵎⴷ ⴷ ⵜⵓⵙⵙⵏⴰ ⴳ ⵜⵎⴰⵡⵉⵏ ⵜⵉⵎⵣⵡⵓⵔⴰ");
    m.put("cherokee", "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᎠᏂᏴᏫᏯ ᎤᎾᏓᏅᏖᏗ ᎠᏕᎶᏆᏍᏗ ᏗᎪᏪᎵ ᎠᏓᏅᏖᏍᎬ");
    m.put("ethiopic", "የኢትዮጵያ መንግሥት ዛሬ አዲስ የኢኮኖሚ እርምጃዎችን አስታውቋል።");
    m.put("emoji", "🎉🎉🔥🔥👍👍🇲🇦🇰🇿😀😀😀😀😀😀😀😀😀");
    m.put("digits", "2025-03-01 12:00:00 +0100 1234567890 3.14159 42 %");
    m.put("punctuation", "... !!! ??? --- *** /// ||| ### @@@ ((( ))) ;;; :::");
    m.put("short", "Bonjour");
    m.put("combining marks alone", "\u0301\u0301\u0301\u0308\u0308\u0308\u0327\u0327\u0327\u0301\u0301\u0301\u0301\u0301");
    m.put("mostly tifinagh", "ⴰⵎⵏⵣⵓ ⵏ ⵜⵎⵙⵙⵓⴷⵓⵜ ⵉⵙⵙⵉⵡⴹ ⵜⴰⵙⵏⴰⵏⵜ ⵏ ⵓⵙⵍⵎⴷ ⴷ ⵜⵓⵙⵙⵏⴰ ⴳ ⵜⵎⴰⵡⵉⵏ. Le ministre.");
    return m;
  }

  /** Inputs that must get an answer (any) without an exception. */
  static Map<String, String> odd() {
    Map<String, String> m = new LinkedHashMap<>(undetermined());
    m.put("lone surrogates", "\uD800abc\uDC00 def \uD83D ghi jkl mno pqr stu vwx");
    m.put("control characters", "\u0000\u0001 The minister \u0007 met \u001B the ambassador \u007F on Monday.");
    m.put("one letter repeated", "a".repeat(5000));
    m.put("zero-width joiners", "क\u200Dष\u200Cत्र\u200D मंत्री ने आज बैठक की और समझौते पर हस्ताक्षर किए");
    m.put("every script at once", "Le ministre Министр الوزير 外務大臣 외교부 Υπουργός שר მინისტრი ⴰⵎⵏⵣⵓ ᏣᎳᎩ ไทย");
    m.put("arabic and french halves", "Le ministre a reçu son homologue à Rabat. استقبل الوزير نظيره في الرباط.");
    m.put("right-to-left marks", "\u200F\u202Eالوزير استقبل نظيره في الرباط لبحث التعاون\u202C\u200E");
    m.put("private use", "\uE000\uE001\uE002\uE003\uE004\uE005\uE006\uE007\uE008\uE009\uE00A\uE00B\uE00C");
    return m;
  }

  @Test
  void unknownScriptsAndTextWithoutLettersAreUnd() {
    for (Map.Entry<String, String> e : undetermined().entrySet()) {
      assertThat(ALL.identify(null, e.getValue(), null)).as(e.getKey()).isEqualTo(Analysis.Language.UNDETERMINED);
    }
  }

  @Test
  void oddInputGetsAnAnswerNeverAnException() {
    for (Map.Entry<String, String> e : odd().entrySet()) {
      Analysis.Language l = ALL.identify(e.getValue(), e.getValue(), "xx-YY");
      java.util.Set<String> answers = new java.util.HashSet<>(ScriptGroup.allLanguages());
      answers.add("und");
      assertThat(answers).as(e.getKey()).contains(l.code());
    }
    assertThat(ALL.identify(null, "Le ministre a reçu son homologue à Rabat pour des entretiens. استقبل الوزير.",
        null).code()).isEqualTo("fr");
  }

  @Test
  void theWholeAnalysisAnswersOddInput() {
    ArticleAnalyzer analyzer = ArticleAnalyzer.create(NewsmonConfig.defaults());
    for (Map.Entry<String, String> e : odd().entrySet()) {
      Analysis a = analyzer.analyze(RawArticle.builder().url("https://odd.example/" + e.getKey().replace(' ', '-'))
          .title(e.getValue()).text(e.getValue()).build());
      assertThat(a.language()).as(e.getKey()).isNotNull();
      assertThat(a.watches()).as(e.getKey()).isNotEmpty();
    }
  }
}
