package io.newsmon.ingestor.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {

  private static final String ARABIC = "وقع المغرب وكازاخستان اليوم في الرباط اتفاقية للتعاون في مجال الفلاحة والأمن الغذائي";
  private static final String RUSSIAN = "Министр иностранных дел Казахстана посетил Рабат и обсудил поставки пшеницы в Марокко";

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void httpHeaderCharsetIsUsed() {
    byte[] b = ("<p>" + RUSSIAN + "</p>").getBytes(Charset.forName("windows-1251"));
    Charsets.Decoded d = Charsets.detect(b, "text/html; charset=windows-1251");
    assertThat(d.how()).isEqualTo("http-header");
    assertThat(d.text()).contains(RUSSIAN);
  }

  @Test
  void bomWinsOverEverythingAndIsStripped() {
    byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, ("<rss>" + ARABIC + "</rss>").getBytes(StandardCharsets.UTF_16LE));
    Charsets.Decoded d = Charsets.detect(utf16, "text/xml; charset=iso-8859-1");
    assertThat(d.how()).isEqualTo("bom");
    assertThat(d.text()).isEqualTo("<rss>" + ARABIC + "</rss>");
    byte[] utf32 = concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, "<rss>Қазақстан</rss>".getBytes(Charset.forName("UTF-32BE")));
    assertThat(Charsets.decode(utf32, null)).isEqualTo("<rss>Қазақстан</rss>");
    byte[] utf8 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "é".getBytes(StandardCharsets.UTF_8));
    assertThat(Charsets.decode(utf8, null)).isEqualTo("é");
  }

  @Test
  void utf16WithoutBomIsRecognisedByItsZeroBytes() {
    byte[] b = "<?xml version=\"1.0\" encoding=\"utf-16\"?><feed>Astana</feed>".getBytes(StandardCharsets.UTF_16LE);
    assertThat(Charsets.decode(b, null)).contains("<feed>Astana</feed>");
    byte[] be = "<feed>Рабат</feed>".getBytes(StandardCharsets.UTF_16BE);
    assertThat(Charsets.decode(be, null)).isEqualTo("<feed>Рабат</feed>");
  }

  @Test
  void xmlDeclarationAndMetaCharsetAreRead() {
    byte[] xml = ("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss><title>" + RUSSIAN + "</title></rss>")
        .getBytes(Charset.forName("KOI8-R"));
    assertThat(Charsets.detect(xml, "application/xml").how()).isEqualTo("xml-declaration");
    assertThat(Charsets.decode(xml, "application/xml")).contains(RUSSIAN);
    byte[] html = ("<html><head><meta charset=\"windows-1256\"></head><body>" + ARABIC + "</body></html>")
        .getBytes(Charset.forName("windows-1256"));
    assertThat(Charsets.detect(html, "text/html").how()).isEqualTo("meta-charset");
    assertThat(Charsets.decode(html, "text/html")).contains(ARABIC);
    byte[] equiv = ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>" + RUSSIAN)
        .getBytes(Charset.forName("windows-1251"));
    assertThat(Charsets.decode(equiv, null)).contains(RUSSIAN);
  }

  @Test
  void undeclaredSingleByteCharsetsAreDetected() {
    assertThat(Charsets.detect(("<p>" + ARABIC + "</p>").getBytes(Charset.forName("windows-1256")), null).charset().name())
        .isEqualTo("windows-1256");
    assertThat(Charsets.detect(("<p>" + RUSSIAN + "</p>").getBytes(Charset.forName("windows-1251")), null).charset().name())
        .isEqualTo("windows-1251");
    assertThat(Charsets.detect(("<p>" + RUSSIAN + "</p>").getBytes(Charset.forName("KOI8-R")), null).charset().name())
        .isEqualTo("KOI8-R");
    // hard negative: French in windows-1252 is not mistaken for Cyrillic or Arabic
    String fr = "Le ministre a visité la région de Fès après l'été; les délégations ont évoqué des échanges.";
    assertThat(Charsets.decode(fr.getBytes(Charset.forName("windows-1252")), null)).isEqualTo(fr);
    // valid UTF-8 stays UTF-8
    assertThat(Charsets.detect(ARABIC.getBytes(StandardCharsets.UTF_8), null).how()).isEqualTo("valid-utf-8");
  }

  @Test
  void unknownDeclaredCharsetFallsBackToDetection() {
    byte[] b = RUSSIAN.getBytes(StandardCharsets.UTF_8);
    assertThat(Charsets.decode(b, "text/html; charset=x-bogus-charset")).isEqualTo(RUSSIAN);
  }

  @Test
  void c1ControlCharactersBecomeWindows1252Punctuation() {
    byte[] b = "don\u0092t \u0093quote\u0094 \u0080".getBytes(StandardCharsets.UTF_8);
    assertThat(Charsets.decode(b, "text/plain; charset=utf-8")).isEqualTo("don\u2019t \u201cquote\u201d \u20ac");
  }
}
