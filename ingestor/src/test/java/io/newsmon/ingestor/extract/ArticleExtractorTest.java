package io.newsmon.ingestor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.ingestor.bench.ShingleScore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

  private final ArticleExtractor extractor = new ArticleExtractor();

  private static final String CHROME_TOP = """
      <header><div class="logo">Новости Казахстана</div><nav><ul><li><a href="/">Главная</a></li>
      <li><a href="/politics">Политика</a></li><li><a href="/economy">Экономика</a></li></ul></nav></header>
      <div class="share-bar"><a href="#">Поделиться</a><a href="#">Twitter</a></div>
      """;
  private static final String CHROME_BOTTOM = """
      <div class="related-news"><h3>Читайте также</h3><ul><li><a href="/a">Курс тенге упал</a></li>
      <li><a href="/b">Погода в Алматы</a></li></ul></div>
      <aside><p>Подпишитесь на нашу рассылку, чтобы получать новости первыми каждый день!</p></aside>
      <footer><p>© 2025 Новости Казахстана. Все права защищены. Перепечатка запрещена.</p></footer>
      <script>document.write('<div>реклама</div>'); trackPageView();</script>
      """;

  @Test
  void metadataFromMetaTagsAndTheBodyWithoutChrome() {
    String html = "<html lang=\"ru\"><head><title>Казахстан и Марокко — Новости</title>"
        + "<meta property=\"og:title\" content=\"Казахстан и Марокко подписали меморандум\">"
        + "<meta property=\"article:published_time\" content=\"2025-03-06T14:00:00+05:00\">"
        + "<meta name=\"author\" content=\"Айдос Сериков\"><meta property=\"og:url\" content=\"/ru/news/memo\">"
        + "<style>p{color:red}</style></head><body>" + CHROME_TOP
        + "<article><h1>Казахстан и Марокко подписали меморандум</h1>"
        + "<p>Министры иностранных дел Казахстана и Марокко подписали в Астане меморандум о сотрудничестве в области образования.</p>"
        + "<p onmouseover=\"steal()\">Документ предусматривает обмен студентами и преподавателями, а также совместные научные проекты университетов двух стран.</p>"
        + "<p>Стороны договорились провести следующее заседание межправительственной комиссии в Рабате осенью этого года.</p>"
        + "</article>" + CHROME_BOTTOM + "</body></html>";
    ExtractedArticle a = extractor.extract(html, "https://kz.example.org/ru/news/memo?utm_source=x");
    assertThat(a.title()).isEqualTo("Казахстан и Марокко подписали меморандум");
    assertThat(a.author()).isEqualTo("Айдос Сериков");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-03-06T09:00:00Z"));
    assertThat(a.languageHint()).isEqualTo("ru");
    assertThat(a.canonicalUrl()).isEqualTo("https://kz.example.org/ru/news/memo");
    assertThat(a.text()).contains("обмен студентами").contains("межправительственной комиссии")
        .doesNotContain("Главная").doesNotContain("Поделиться").doesNotContain("Читайте также")
        .doesNotContain("Все права").doesNotContain("реклама").doesNotContain("steal")
        .doesNotContain("color:red").doesNotContain("trackPageView");
    assertThat(a.text().split("\n\n")).hasSizeGreaterThanOrEqualTo(3); // paragraphs kept apart
  }

  @Test
  void jsonLdArticleBodyIsPreferredWhenTheDomIsATeaser() {
    String body = "La ministra de Agricultura de Marruecos recibió en Rabat a una delegación de Kazajistán "
        + "para hablar de las exportaciones de trigo. Ambos países acordaron crear un grupo de trabajo técnico. "
        + "Según fuentes del ministerio, el primer envío llegará al puerto de Casablanca antes del verano. "
        + "La delegación kazaja visitará también Fez y Meknes para conocer las cooperativas agrícolas de la región.";
    String html = """
        <html lang="es"><head><script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Diario"},
         {"@type":"NewsArticle","headline":"Marruecos y Kazajistán hablan de trigo","datePublished":"2025-03-08",
          "author":[{"@type":"Person","name":"Lucía Gómez"},{"@type":"Person","name":"Omar Benali"}],
          "articleBody":"%s"}]}
        </script></head><body><div class="teaser"><p>La ministra de Agricultura de Marruecos recibió en Rabat a una delegación.</p>
        <p><a href="/suscribete">Suscríbete para leer más</a></p></div></body></html>""".formatted(body);
    ExtractedArticle a = extractor.extract(html, "https://diario.example.org/a/1");
    assertThat(a.text()).isEqualTo(body);
    assertThat(a.title()).isEqualTo("Marruecos y Kazajistán hablan de trigo");
    assertThat(a.author()).isEqualTo("Lucía Gómez, Omar Benali");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-03-08T00:00:00Z"));
    assertThat(a.languageHint()).isEqualTo("es");
  }

  @Test
  void pageWithoutArticleGivesEmptyTextNotChrome() {
    String html = "<html><body><nav><a href='/'>Home</a><a href='/news'>News</a></nav>"
        + "<footer>Copyright</footer><script>alert('x')</script></body></html>";
    ExtractedArticle a = extractor.extract(html, null);
    assertThat(a.text()).doesNotContain("alert").doesNotContain("<");
    assertThat(a.publishedAt()).isNull();
    assertThat(a.author()).isNull();
  }

  @Test
  void malformedJsonLdIsIgnored() {
    String html = "<html><head><script type='application/ld+json'>{ \"@type\": \"NewsArticle\", broken</script></head>"
        + "<body><article><p>English text of a short but real article about the visit of a delegation to Astana last week.</p>"
        + "</article></body></html>";
    assertThat(extractor.extract(html, null).text()).contains("delegation to Astana");
  }

  @Test
  void realSeedArticlesSurviveBeingWrappedInChrome() throws Exception {
    Path seeds = Path.of("../../shared/corpus/seeds");
    Assumptions.assumeTrue(Files.isDirectory(seeds), "no seed corpus at " + seeds.toAbsolutePath() + "; skipped");
    List<Path> files;
    try (Stream<Path> s = Files.list(seeds)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    Assumptions.assumeFalse(files.isEmpty(), "seed folder is empty");
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8).strip();
      StringBuilder page = new StringBuilder("<html><body>").append(CHROME_TOP).append("<div class='story'>");
      for (String para : text.split("\\n\\s*\\n|\\n")) {
        if (!para.isBlank()) {
          page.append("<p>").append(org.jsoup.nodes.Entities.escape(para.strip())).append("</p>");
        }
      }
      page.append("</div>").append(CHROME_BOTTOM).append("</body></html>");
      String got = extractor.extract(page.toString(), "https://example.org/story").text();
      ShingleScore.PR pr = ShingleScore.score(got, text);
      assertThat(pr.recall()).as("recall on %s", f.getFileName()).isGreaterThan(0.95);
      assertThat(pr.precision()).as("precision on %s", f.getFileName()).isGreaterThan(0.9);
    }
  }
}
