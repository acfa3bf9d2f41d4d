package io.newsmon.processor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.util.Hashing;
import io.newsmon.processor.text.LabelledTexts;
import io.newsmon.processor.text.TextNormalizer;
import io.newsmon.processor.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The content hash of a text's tokens (their UTF-8 gathered in a per-thread buffer and digested at
 * once) is the SHA-256 of the normalised text: on the labelled prose, on texts longer than the
 * buffer and on words longer than it.
 */
class ContentHashTest {

  @Test
  void theHashOfTheTokensIsTheHashOfTheNormalisedText() {
    List<String> texts = new ArrayList<>(LabelledTexts.all());
    Random random = new Random(6);
    StringBuilder longText = new StringBuilder();
    while (longText.length() < 40_000) {
      longText.append("Казахстан ").append(random.nextInt(1000)).append(" مراكش éclair ");
    }
    texts.add(longText.toString());
    texts.add("short " + "x".repeat(8191) + " and " + "ж".repeat(5000) + " end");
    texts.add("y".repeat(8192));
    texts.add("");
    texts.add(longText.toString()); // the same text again: nothing of the previous digest is left over
    for (String text : texts) {
      assertThat(Fingerprinter.contentHash(Tokenizer.tokenize(text)))
          .isEqualTo(Hashing.sha256Hex(TextNormalizer.normalize(text)));
    }
  }
}
