package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Cheap checks of the source tree that keep the layout the READMEs and decisions describe: the
 * output side depends on common only, benchmarks stay out of the production modules, and every
 * command stops and handles stream-thread deaths the one way (docs/decisions/0014-one-lifecycle.md).
 */
class LayoutTest {

  private static final Path ROOT = Path.of("..");
  private static final List<String> PRODUCTION = List.of("common", "ingestor", "processor", "sink", "app");

  private static List<Path> mainSources() throws IOException {
    List<Path> all = new java.util.ArrayList<>();
    for (String module : PRODUCTION) {
      try (Stream<Path> s = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        s.filter(p -> p.toString().endsWith(".java")).forEach(all::add);
      }
    }
    return all;
  }

  private static List<String> containing(String text) throws IOException {
    List<String> hits = new java.util.ArrayList<>();
    for (Path p : mainSources()) {
      if (Files.readString(p).contains(text)) {
        hits.add(ROOT.relativize(p).toString().replace('\\', '/'));
      }
    }
    return hits;
  }

  @Test
  void theSinkDependsOnCommonOnly() throws IOException {
    String pom = Files.readString(ROOT.resolve("sink/pom.xml"));
    List<String> modules = java.util.regex.Pattern.compile("<artifactId>(newsmon-[a-z]+)</artifactId>")
        .matcher(pom).results().map(m -> m.group(1)).filter(a -> !a.equals("newsmon-sink")
            && !a.equals("newsmon-parent")).distinct().toList();
    assertThat(modules).containsOnly("newsmon-common");
  }

  @Test
  void noBenchmarkProgramInTheProductionModules() throws IOException {
    assertThat(mainSources()).extracting(p -> p.getFileName().toString())
        .noneMatch(name -> name.endsWith("Benchmark.java"));
  }

  @Test
  void commandsStopTheOneWayAndStreamsThreadsDieTheOneWay() throws IOException {
    // the broker processes are not components: they keep their own hooks
    assertThat(containing("addShutdownHook(")).allMatch(p -> p.endsWith("lifecycle/RunUntilStopped.java")
        || p.contains("/app/broker/"));
    assertThat(containing("setUncaughtExceptionHandler(")).allMatch(p -> {
      try {
        return Files.readString(ROOT.resolve(p)).contains("setUncaughtExceptionHandler(new CrashPolicy(");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertThat(containing("implements Processor<").stream().filter(p -> p.endsWith("DeadLetterProcessor.java")))
        .containsExactly("common/src/main/java/io/newsmon/common/kafka/DeadLetterProcessor.java");
  }
}
