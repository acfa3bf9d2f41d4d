package io.newsmon.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProcessCommandTest {

  @Test
  void withoutAClusterItFailsSayingWhatToSet() {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("NEWSMON_BOOTSTRAP_SERVERS") == null,
        "NEWSMON_BOOTSTRAP_SERVERS is set: the no-cluster case cannot be checked here");
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new ProcessCommand());
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute();
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("--bootstrap-servers");
  }

  @Test
  void helpDescribesTheCommand() {
    StringWriter out = new StringWriter();
    CommandLine cmd = new CommandLine(new ProcessCommand());
    cmd.setOut(new PrintWriter(out));
    assertThat(cmd.execute("--help")).isZero();
    assertThat(out.toString()).contains("process").contains("news.raw").contains("--state-dir");
  }
}
