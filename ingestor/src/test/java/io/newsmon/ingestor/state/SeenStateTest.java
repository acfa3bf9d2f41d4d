package io.newsmon.ingestor.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.ingestor.fetch.Validators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeenStateTest {

  @Test
  void changesAreEmittedOnceAndReplayRebuildsTheState() {
    List<Map.Entry<String, String>> log = new ArrayList<>();
    InMemorySeenState a = new InMemorySeenState((k, v) -> log.add(Map.entry(k, v)));
    a.markSeen("https://x.org/1");
    a.markSeen("https://x.org/1");
    a.putValidators("https://x.org/feed", new Validators("\"e1\"", "Tue, 04 Mar 2025 09:30:00 GMT"));
    a.putValidators("https://x.org/feed", new Validators("\"e1\"", "Tue, 04 Mar 2025 09:30:00 GMT"));
    a.putValidators("https://x.org/other", Validators.NONE);
    assertThat(log).hasSize(2);

    InMemorySeenState b = new InMemorySeenState();
    log.forEach(e -> b.apply(e.getKey(), e.getValue()));
    assertThat(b.isSeen("https://x.org/1")).isTrue();
    assertThat(b.isSeen("https://x.org/2")).isFalse();
    assertThat(b.validators("https://x.org/feed").etag()).isEqualTo("\"e1\"");
    assertThat(b.validators("https://x.org/other")).isEqualTo(Validators.NONE);

    b.apply(StateCodec.seenKey("https://x.org/1"), null); // tombstone
    assertThat(b.isSeen("https://x.org/1")).isFalse();
    b.apply("some-future-key", "whatever"); // unknown formats are ignored
    assertThat(b.seenCount()).isZero();
  }
}
