package io.newsmon.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SendWindowTest {

  private static ProducerRecord<String, String> record(int i) {
    return new ProducerRecord<>("t", "k" + i, "v" + i);
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 10 s: " + what);
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void aFullWindowHoldsTheNextSendUntilAnAnswerFreesAPlace() throws Exception {
    MockProducer<String, String> producer = new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
    SendWindow window = new SendWindow(3);
    List<String> answers = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 3; i++) {
      int n = i;
      window.send(producer, record(i), (m, e) -> answers.add(n + (e == null ? " ok" : " failed")));
    }
    assertThat(window.outstanding()).isEqualTo(3);
    Thread fourth = new Thread(() -> window.send(producer, record(3), (m, e) -> answers.add("3 ok")));
    fourth.start();
    waitUntil(() -> fourth.getState() == Thread.State.WAITING, "the fourth send waits");
    assertThat(producer.history()).hasSize(3);

    assertThat(producer.completeNext()).isTrue();
    fourth.join(10_000);
    assertThat(fourth.isAlive()).isFalse();
    assertThat(producer.history()).hasSize(4);
    assertThat(window.outstanding()).isEqualTo(3);

    // an error answer frees its place as well, after the caller's callback saw it
    assertThat(producer.errorNext(new RuntimeException("expired"))).isTrue();
    assertThat(window.outstanding()).isEqualTo(2);
    while (producer.completeNext()) {
      // answer the rest
    }
    assertThat(window.outstanding()).isZero();
    assertThat(answers).containsExactly("0 ok", "1 failed", "2 ok", "3 ok");
  }

  @Test
  void aSendRefusedAtOnceFreesItsPlace() {
    MockProducer<String, String> producer = new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
    SendWindow window = new SendWindow(1);
    producer.close();
    assertThatThrownBy(() -> window.send(producer, record(0), null)).isInstanceOf(IllegalStateException.class);
    assertThat(window.outstanding()).isZero();
    assertThatThrownBy(() -> new SendWindow(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
