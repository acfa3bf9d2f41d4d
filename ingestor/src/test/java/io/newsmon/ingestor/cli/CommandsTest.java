package io.newsmon.ingestor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.ingestor.LocalServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandsTest {

  private static List<JsonNode> run(Object command, String... args) throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      new CommandLine(command).execute(args);
    } finally {
      System.setOut(old);
    }
    ObjectMapper m = new ObjectMapper();
    List<JsonNode> out = new java.util.ArrayList<>();
    for (String line : buf.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        out.add(m.readTree(line));
      }
    }
    return out;
  }

  @Test
  void feedJsonAnswersEveryInputInOrderGzipIncluded(@TempDir Path dir) throws Exception {
    Path gz = dir.resolve("feed.xml.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write(("<rss version=\"2.0\"><channel><title>t</title><item><title>Астана — Рабат</title>"
          + "<link>https://news.example.org/1</link><description>&lt;script&gt;x()&lt;/script&gt;Текст</description></item>"
          + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
    }
    Path bad = dir.resolve("bad.xml");
    Files.writeString(bad, "this is not a feed");
    List<JsonNode> lines = run(new FeedCommand(), "--json", gz.toString(), dir.resolve("missing.xml").toString(),
        bad.toString(), "http://169.254.169.254/latest/meta-data/");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).path("ok").asBoolean()).isTrue();
    assertThat(lines.get(0).path("input").asText()).isEqualTo(gz.toString());
    assertThat(lines.get(0).path("items").get(0).path("title").asText()).isEqualTo("Астана — Рабат");
    assertThat(lines.get(0).toString()).doesNotContainIgnoringCase("<script");
    assertThat(lines.get(1).path("ok").asBoolean()).isFalse();
    assertThat(lines.get(1).path("error").asText()).contains("missing.xml");
    assertThat(lines.get(2).path("ok").asBoolean()).isFalse();
    assertThat(lines.get(3).path("error").asText()).startsWith("blocked-address");
  }

  @Test
  void extractJsonFromAUrlAndAFile(@TempDir Path dir) throws Exception {
    try (LocalServer server = new LocalServer()) {
      server.serve("/page", "text/html; charset=utf-8", "<html lang='kk'><head><title>Жаңалық</title>"
          + "<meta name='author' content='Айгерім'></head><body><article><p>Қазақстан мен Марокко арасындағы "
          + "ынтымақтастық туралы келісімге Астанада қол қойылды, деп хабарлады министрлік.</p></article>"
          + "<script>evil()</script></body></html>");
      Path file = dir.resolve("page.html");
      Files.writeString(file, "<html lang='fr'><body><article><p>Un article en français sur la visite à Rabat "
          + "de la délégation kazakhe venue parler du commerce de blé.</p></article></body></html>");
      List<JsonNode> lines = run(new ExtractCommand(), "--json", "--set", "ingestor.allow-hosts=127.0.0.1",
          server.url("/page"), file.toString());
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0).path("ok").asBoolean()).isTrue();
      assertThat(lines.get(0).path("title").asText()).isEqualTo("Жаңалық");
      assertThat(lines.get(0).path("author").asText()).isEqualTo("Айгерім");
      assertThat(lines.get(0).path("languageHint").asText()).isEqualTo("kk");
      assertThat(lines.get(0).path("text").asText()).contains("Астанада").doesNotContain("evil");
      assertThat(lines.get(1).path("text").asText()).contains("délégation kazakhe");
    }
  }
  @Test
  void rates() {
    assertThat(ReplayCommand.parseRate(null)).isZero();
    assertThat(ReplayCommand.parseRate("50/s")).isEqualTo(50.0);
    assertThat(ReplayCommand.parseRate("20")).isEqualTo(20.0);
    assertThat(ReplayCommand.parseRate("600/min")).isEqualTo(10.0);
    assertThatThrownBy(() -> ReplayCommand.parseRate("fast")).hasMessageContaining("50/s");
    assertThatThrownBy(() -> ReplayCommand.parseRate("-3/s")).hasMessageContaining("positive");
  }

  @Test
  void replayDescribesItself() {
    java.io.StringWriter out = new java.io.StringWriter();
    CommandLine cl = new CommandLine(new ReplayCommand());
    cl.setOut(new java.io.PrintWriter(out));
    assertThat(cl.execute("--help")).isZero();
    assertThat(out.toString()).contains("--bootstrap-servers").contains("--rate").contains("WARC");
  }
}
