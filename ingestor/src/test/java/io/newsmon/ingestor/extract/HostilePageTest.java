package io.newsmon.ingestor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile pages are answered within 10 s of extraction at a 512 MB heap: each page is generated and
 * extracted in a JVM of its own started with {@code -Xmx512m}. The bound is checked on the CPU time
 * of the extracting thread (parse included), which a busy build machine does not inflate the way it
 * inflates wall time; the wall time is printed beside it.
 */
class HostilePageTest {

  private static final long BOUND_MS = 10_000;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"nested, 80000", "nested, 1000000", "wide, 400000"})
  void answeredWithinTheBoundAtA512MbHeap(String kind, int n) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        HostilePages.class.getName(), kind, Integer.toString(n)).redirectErrorStream(true).start();
    boolean done = p.waitFor(180, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(done).as("the extraction JVM finished").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    String[] f = out.lines().reduce((a, b) -> b).orElse("").split(" ");
    System.out.printf("hostile %s %d: %s chars of HTML, %s ms CPU, %s ms wall, %s chars of text%n",
        kind, n, f[0], f[1], f[2], f[3]);
    assertThat(Long.parseLong(f[1])).as("CPU ms for " + kind + " " + n).isLessThanOrEqualTo(BOUND_MS);
    assertThat(Boolean.parseBoolean(f[4])).as("the paragraph at the bottom reaches the text").isTrue();
  }
}
