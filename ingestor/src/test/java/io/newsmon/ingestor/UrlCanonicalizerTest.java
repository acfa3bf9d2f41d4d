package io.newsmon.ingestor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

  @Test
  void trackingParametersFragmentsAndVariantsAreRemoved() {
    assertThat(UrlCanonicalizer.canonical("HTTPS://WWW.Example.org:443/a/b?utm_source=x&id=5&fbclid=y#top"))
        .isEqualTo("https://www.example.org/a/b?id=5");
    assertThat(UrlCanonicalizer.canonical("https://m.hespress.com/politique/123.html"))
        .isEqualTo("https://hespress.com/politique/123.html");
    assertThat(UrlCanonicalizer.canonical("https://news.example.org/story/amp"))
        .isEqualTo("https://news.example.org/story");
    assertThat(UrlCanonicalizer.canonical("https://news.example.org/amp/story-slug"))
        .isEqualTo("https://news.example.org/story-slug");
    assertThat(UrlCanonicalizer.canonical("https://news.example.org/story?outputType=amp"))
        .isEqualTo("https://news.example.org/story");
    assertThat(UrlCanonicalizer.canonical("http://example.org:8080/x")).isEqualTo("http://example.org:8080/x");
  }

  @Test
  void meaningfulParametersAndHostsStay() {
    assertThat(UrlCanonicalizer.canonical("https://example.org/article.php?id=42&page=2"))
        .isEqualTo("https://example.org/article.php?id=42&page=2");
    // hard negative: a host that merely starts with "m" is not a mobile variant
    assertThat(UrlCanonicalizer.canonical("https://media24.example.org/a")).isEqualTo("https://media24.example.org/a");
    assertThat(UrlCanonicalizer.canonical("not a url")).isEqualTo("not a url");
  }
}
