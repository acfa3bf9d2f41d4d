package io.newsmon.ingestor.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.config.NewsmonConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {

  @Test
  void bundledListCoversTheLanguagesCountriesAndNewsSearch() {
    List<Source> all = Sources.load(NewsmonConfig.defaults());
    assertThat(all).hasSizeGreaterThan(20);
    Set<String> langs = all.stream().map(Source::language).collect(Collectors.toSet());
    assertThat(langs).contains("ar", "fr", "en", "ru", "kk", "es");
    Set<String> countries = all.stream().map(Source::country).collect(Collectors.toSet());
    assertThat(countries).contains("MA", "KZ");
    assertThat(all).anyMatch(s -> s.url().contains("news.google.com/rss/search"));
    assertThat(all).anyMatch(s -> s.kind().equals("page"));
    assertThat(all).allMatch(s -> s.url().startsWith("https://"));
    assertThat(all.stream().map(Source::id).distinct().count()).isEqualTo(all.size());
  }

  @Test
  void parsesEveryField() {
    List<Source> s = Sources.parse("""
        sources:
          - id: a
            url: https://a.example.org/feed
          - { id: b, kind: page, url: "https://b.example.org/", selector: "h3 a", interval: 10m,
              language: kk, country: KZ, fetch-articles: false, max-items: 7 }
          - { id: c, url: "https://c.example.org/", enabled: false }
        """);
    assertThat(s).hasSize(2);
    assertThat(s.get(0).kind()).isEqualTo("feed");
    assertThat(s.get(0).fetchArticles()).isTrue();
    assertThat(s.get(0).interval()).isNull();
    assertThat(s.get(1)).isEqualTo(new Source("b", "page", "https://b.example.org/", "kk", "KZ",
        Duration.ofMinutes(10), "h3 a", false, 7));
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> Sources.parse("sources:\n  - { id: x, url: 'https://x', kind: rss }"))
        .hasMessageContaining("'x'").hasMessageContaining("feed, sitemap or page");
    assertThatThrownBy(() -> Sources.parse("sources:\n  - { id: x, url: 'https://x' }\n  - { id: x, url: 'https://y' }"))
        .hasMessageContaining("used twice");
    assertThatThrownBy(() -> Sources.parse("sources:\n  - { id: x, url: 'https://x', interval: soon }"))
        .hasMessageContaining("interval");
    assertThatThrownBy(() -> Sources.parse("hello: 1")).hasMessageContaining("sources:");
    // an interval that would poll continuously, and item counts that cannot be meant
    assertThatThrownBy(() -> Sources.parse("sources:\n  - { id: x, url: 'https://x', interval: 0s }"))
        .hasMessageContaining("'x'").hasMessageContaining("at least");
    assertThatThrownBy(() -> Sources.parse("sources:\n  - { id: x, url: 'https://x', interval: -5m }"))
        .hasMessageContaining("at least");
    assertThatThrownBy(() -> Sources.parse("sources:\n  - { id: x, url: 'https://x', max-items: -1 }"))
        .hasMessageContaining("max-items");
  }

  @Test
  void loadsTheConfiguredFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("mine.yaml");
    Files.writeString(f, "sources:\n  - { id: mine, url: 'https://mine.example.org/rss' }\n");
    List<Source> s = Sources.load(NewsmonConfig.defaults().with("ingestor.sources", f.toString()));
    assertThat(s).extracting(Source::id).containsExactly("mine");
    assertThatThrownBy(() -> Sources.load(NewsmonConfig.defaults().with("ingestor.sources", dir.resolve("none.yaml").toString())))
        .hasMessageContaining("ingestor.sources");
  }
}
