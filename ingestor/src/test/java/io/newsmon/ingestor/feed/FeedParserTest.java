package io.newsmon.ingestor.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.ingestor.fetch.FetchException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {

  private final FeedParser parser = new FeedParser();

  private FeedParser.Feed parse(String s) throws FetchException {
    return parser.parse(s.getBytes(StandardCharsets.UTF_8), "application/xml", "https://news.example.org/");
  }

  @Test
  void rss20InFrench() throws Exception {
    FeedParser.Feed f = parse("""
        <?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
        <title>Actualités</title><language>fr</language>
        <item><title>Visite du ministre kazakh à Rabat</title><link>/2025/03/visite-ministre</link>
        <description>&lt;b&gt;Rencontre&lt;/b&gt; au ministère &lt;script&gt;evil()&lt;/script&gt;</description>
        <pubDate>Wed, 05 Mar 2025 10:00:00 +0100</pubDate><dc:creator>Karim B.</dc:creator></item></channel></rss>""");
    assertThat(f.language()).isEqualTo("fr");
    assertThat(f.items()).hasSize(1);
    FeedItem i = f.items().get(0);
    assertThat(i.url()).isEqualTo("https://news.example.org/2025/03/visite-ministre");
    assertThat(i.title()).isEqualTo("Visite du ministre kazakh à Rabat");
    assertThat(i.summary()).contains("Rencontre").doesNotContain("evil").doesNotContain("<");
    assertThat(i.author()).isEqualTo("Karim B.");
    assertThat(i.publishedAt()).isEqualTo(Instant.parse("2025-03-05T09:00:00Z"));
  }

  @Test
  void rss091WithNetscapeDoctypeIsReadWithoutTheDoctype() throws Exception {
    FeedParser.Feed f = parse("""
        <?xml version="1.0"?>
        <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
        <rss version="0.91"><channel><title>Noticias</title><language>es</language>
        <item><title>Marruecos y Kazajistán firman un acuerdo</title><link>https://news.example.org/es/acuerdo</link>
        <description>Cooperación agrícola</description></item></channel></rss>""");
    assertThat(f.items()).extracting(FeedItem::title).containsExactly("Marruecos y Kazajistán firman un acuerdo");
  }

  @Test
  void rss10RdfInRussian() throws Exception {
    FeedParser.Feed f = parse("""
        <?xml version="1.0" encoding="utf-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://news.example.org/ru"><title>Новости</title><link>https://news.example.org/ru</link><description>x</description>
        <items><rdf:Seq><rdf:li rdf:resource="https://news.example.org/ru/1"/></rdf:Seq></items></channel>
        <item rdf:about="https://news.example.org/ru/1"><title>Казахстан и Марокко обсудили поставки зерна</title>
        <link>https://news.example.org/ru/1</link><dc:date>2025-03-06T08:15:00+05:00</dc:date><dc:language>ru</dc:language></item>
        </rdf:RDF>""");
    assertThat(f.items()).hasSize(1);
    assertThat(f.items().get(0).title()).isEqualTo("Казахстан и Марокко обсудили поставки зерна");
    assertThat(f.items().get(0).publishedAt()).isEqualTo(Instant.parse("2025-03-06T03:15:00Z"));
  }

  @Test
  void atom10InArabicAndAtom03InSpanish() throws Exception {
    FeedParser.Feed a = parse("""
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar"><title>أخبار</title><id>urn:x</id><updated>2025-03-05T12:00:00Z</updated>
        <entry><title>المغرب وكازاخستان يعززان التعاون</title><id>urn:1</id><link rel="alternate" href="https://news.example.org/ar/1"/>
        <published>2025-03-05T12:00:00Z</published><updated>2025-03-05T12:00:00Z</updated><author><name>هشام</name></author>
        <summary type="html">&lt;p&gt;اتفاقية جديدة&lt;/p&gt;</summary></entry></feed>""");
    assertThat(a.items().get(0).url()).isEqualTo("https://news.example.org/ar/1");
    assertThat(a.items().get(0).title()).isEqualTo("المغرب وكازاخستان يعززان التعاون");
    assertThat(a.items().get(0).author()).isEqualTo("هشام");
    assertThat(a.items().get(0).summary()).isEqualTo("اتفاقية جديدة");
    FeedParser.Feed b = parse("""
        <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Noticias</title><modified>2025-03-05T12:00:00Z</modified>
        <entry><title>Astana recibe a la delegación marroquí</title><link rel="alternate" type="text/html" href="https://news.example.org/es/2"/>
        <id>tag:x,2025:2</id><issued>2025-03-05T12:00:00Z</issued><modified>2025-03-05T12:00:00Z</modified></entry></feed>""");
    assertThat(b.items()).extracting(FeedItem::url).containsExactly("https://news.example.org/es/2");
  }

  @Test
  void jsonFeedInKazakh() throws Exception {
    FeedParser.Feed f = parse("""
        {"version":"https://jsonfeed.org/version/1.1","title":"Жаңалықтар","language":"kk",
         "items":[{"id":"1","url":"https://news.example.org/kk/1","title":"Қазақстан мен Марокко ынтымақтастығы",
           "content_html":"<p>Екі ел <script>x()</script>келісімге қол қойды</p>","date_published":"2025-03-07T09:00:00+06:00",
           "authors":[{"name":"Айгерім"}]}]}""");
    FeedItem i = f.items().get(0);
    assertThat(i.title()).isEqualTo("Қазақстан мен Марокко ынтымақтастығы");
    assertThat(i.summary()).isEqualTo("Екі ел келісімге қол қойды");
    assertThat(i.author()).isEqualTo("Айгерім");
    assertThat(i.language()).isEqualTo("kk");
    assertThat(i.publishedAt()).isEqualTo(Instant.parse("2025-03-07T03:00:00Z"));
  }

  @Test
  void xxeAndEntityExpansionAreRefused() {
    String xxe = """
        <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title><link>https://x.org/1</link></item></channel></rss>""";
    assertThatThrownBy(() -> parse(xxe)).isInstanceOf(FetchException.class)
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("refused-doctype"));
    String laughs = """
        <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><rss><channel><title>&lol3;</title></channel></rss>""";
    assertThatThrownBy(() -> parse(laughs))
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("refused-doctype"));
  }

  @Test
  void illFormedFeedIsRecoveredLeniently() throws Exception {
    FeedParser.Feed f = parse("""
        <rss version="2.0"><channel><title>Broken & proud</title>
        <item><title>Titre avec &nbsp; entité HTML</title><link>https://news.example.org/fr/3</link></item>
        <item><title>Second</title><link>https://news.example.org/fr/4</link>
        </channel></rss>""");
    assertThat(f.parsedBy()).isEqualTo("lenient");
    assertThat(f.items()).extracting(FeedItem::url)
        .containsExactly("https://news.example.org/fr/3", "https://news.example.org/fr/4");
  }

  @Test
  void windows1256FeedWithoutDeclarationIsDecoded() throws Exception {
    String xml = "<rss version=\"2.0\"><channel><title>أخبار</title><item><title>الرباط تستقبل وفدا من أستانا لبحث التعاون الاقتصادي</title>"
        + "<link>https://news.example.org/ar/5</link></item></channel></rss>";
    FeedParser.Feed f = parser.parse(xml.getBytes(Charset.forName("windows-1256")), "application/rss+xml", null);
    assertThat(f.items().get(0).title()).isEqualTo("الرباط تستقبل وفدا من أستانا لبحث التعاون الاقتصادي");
  }

  @Test
  void notAFeedFailsClearly() {
    assertThatThrownBy(() -> parse("<html><body><p>hello</p></body></html>"))
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("parse"));
    assertThatThrownBy(() -> parse("{\"hello\": 1}"))
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("parse"));
  }
}
