package io.newsmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerTimesTest {

  @Test
  void readsASchedstatLine() {
    assertThat(SchedulerTimes.parse("2838946187 1183364919 10871\n"))
        .isEqualTo(new SchedulerTimes.Times(2_838_946_187L, 1_183_364_919L));
    assertThat(SchedulerTimes.parse("")).isNull();
    assertThat(SchedulerTimes.parse("x y z")).isNull();
  }

  @Test
  void namesThePartOfAThreadByItsNativeName() {
    assertThat(SchedulerTimes.part("newsmon-process")).isEqualTo("processor stream threads");
    assertThat(SchedulerTimes.part("newsmon-sink-c6")).isEqualTo("sink stream threads");
    assertThat(SchedulerTimes.part("C2 CompilerThre")).isEqualTo("JIT compiler");
    assertThat(SchedulerTimes.part("GC Thread#1")).isEqualTo("collector");
    assertThat(SchedulerTimes.part("data-plane-kafk")).isEqualTo("other threads");
  }

  @Test
  void describesTheDifferenceInCores() {
    Map<String, SchedulerTimes.Times> start = Map.of("process", new SchedulerTimes.Times(1_000, 0),
        "processor stream threads", new SchedulerTimes.Times(500, 0));
    Map<String, SchedulerTimes.Times> end = Map.of("process", new SchedulerTimes.Times(3_001_000, 1_000_000),
        "processor stream threads", new SchedulerTimes.Times(1_000_500, 500_000));
    String line = SchedulerTimes.describe(start, end, 2_000_000, 2);
    assertThat(line).contains("process 1.50 of 2 cores, its threads waiting for a CPU 0.50 cores")
        .contains("processor stream threads running 0.50, waiting 0.25;");
  }

  @Test
  void readsThisProcessOnLinux() {
    Map<String, SchedulerTimes.Times> now = SchedulerTimes.read();
    if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))) {
      assertThat(now.get("process").running()).isPositive();
    } else {
      assertThat(now).isEmpty();
    }
  }
}
