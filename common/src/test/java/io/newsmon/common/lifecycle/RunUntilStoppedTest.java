package io.newsmon.common.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.kafka.Topic;
import io.newsmon.common.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunUntilStoppedTest {

  /** A component whose state the test sets; it records when it is closed. */
  private static final class Part implements Component {
    final String name;
    final List<Topic<?, ?>> topics;
    final List<String> closedLog;
    volatile State state = State.CREATED;

    Part(String name, List<Topic<?, ?>> topics, List<String> closedLog) {
      this.name = name;
      this.topics = topics;
      this.closedLog = closedLog;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public List<Topic<?, ?>> topics() {
      return topics;
    }

    @Override
    public void start() {
      state = State.RUNNING;
    }

    @Override
    public State state() {
      return state;
    }

    @Override
    public void close() {
      state = State.STOPPED;
      closedLog.add(name);
    }
  }

  @Test
  void topicsOfSeveralComponentsAreListedOnceInOrder() {
    List<String> log = new ArrayList<>();
    List<Topic<?, ?>> all = Component.topicsOf(List.of(
        new Part("a", List.of(Topics.RAW, Topics.DEADLETTER), log),
        new Part("b", List.of(Topics.RAW, Topics.PROCESSED), log)));
    assertThat(all).containsExactly(Topics.RAW, Topics.DEADLETTER, Topics.PROCESSED);
  }

  @Test
  void stopEndsTheWaitWithStatusZeroAndClosesNewestFirst() throws Exception {
    List<String> closed = new ArrayList<>();
    AtomicInteger ticks = new AtomicInteger();
    int status;
    try (RunUntilStopped run = RunUntilStopped.withoutHook("test")) {
      Part a = run.adopt(new Part("a", List.of(), closed));
      Part b = run.adopt(new Part("b", List.of(), closed));
      run.afterClose(() -> closed.add("clean-up"));
      a.start();
      b.start();
      assertThat(run.running()).isTrue();
      Thread stopper = new Thread(() -> {
        while (ticks.get() < 2) {
          Thread.onSpinWait();
        }
        run.stop();
      });
      stopper.start();
      status = run.await(Duration.ofMillis(20), ticks::incrementAndGet);
      stopper.join();
      assertThat(run.running()).isFalse();
    }
    assertThat(status).isEqualTo(RunUntilStopped.OK);
    assertThat(ticks.get()).isGreaterThanOrEqualTo(2);
    assertThat(closed).containsExactly("b", "a", "clean-up");
  }

  @Test
  void aFailedComponentEndsTheWaitWithStatusOne() throws Exception {
    List<String> closed = new ArrayList<>();
    try (RunUntilStopped run = RunUntilStopped.withoutHook("test")) {
      Part a = run.adopt(new Part("a", List.of(), closed));
      a.start();
      a.state = Component.State.FAILED;
      assertThat(run.running()).isFalse();
      assertThat(run.await(null, null)).isEqualTo(RunUntilStopped.FAILED);
    }
    assertThat(closed).containsExactly("a");
  }
}
