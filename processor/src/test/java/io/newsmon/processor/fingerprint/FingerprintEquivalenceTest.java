package io.newsmon.processor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.processor.text.LabelledTexts;
import io.newsmon.processor.text.Token;
import io.newsmon.processor.text.Tokenizer;
import io.newsmon.processor.text.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint is computed without sorting every shingle (a hash set, eight bit votes per
 * addition, a running list of the smallest); the plain computation (sort, then read) is kept here
 * and both must give the same fingerprint, field by field, on the labelled prose.
 */
class FingerprintEquivalenceTest {

  @Test
  void fingerprintsEqualThePlainComputation() {
    List<String> texts = new ArrayList<>(LabelledTexts.all());
    // texts with many repeated shingles and more than 255 distinct ones (the vote lanes are emptied)
    Random random = new Random(5);
    for (int n = 0; n < 50; n++) {
      StringBuilder sb = new StringBuilder();
      int words = 50 + random.nextInt(3000);
      for (int k = 0; k < words; k++) {
        sb.append("w").append(random.nextInt(1 + n * 20)).append(random.nextInt(12) == 0 ? ". " : " ");
      }
      texts.add(sb.toString());
    }
    int compared = 0;
    for (String text : texts) {
      List<Token> tokens = Tokenizer.tokenize(text);
      List<int[]> sentences = Fingerprinter.contentSentences(text, tokens);
      Fingerprint fast = Fingerprinter.fingerprint(tokens, sentences);
      Fingerprint plain = plainFingerprint(tokens, sentences);
      assertThat(fast.simhash()).isEqualTo(plain.simhash());
      assertThat(fast.sample()).isEqualTo(plain.sample());
      assertThat(fast.minima()).isEqualTo(plain.minima());
      assertThat(fast.shingles()).isEqualTo(plain.shingles());
      assertThat(fast.leading()).isEqualTo(plain.leading());
      compared += fast.shingles() > 255 ? 1 : 0;
    }
    assertThat(compared).as("texts with more than 255 distinct shingles").isGreaterThan(10);
  }

  @Test
  void copyrightYearsAreFoundAsTheirPatternFindsThem() {
    List<String> lines = new ArrayList<>(List.of("(c) 2024", "(c)2024", "(c)\t\n 2024", "(c) 202", "(c) (c) 1999",
        "(c)\u00A02024", "x(c) 12345", "(c", "(c) 20a4 (c) 2025"));
    for (String text : LabelledTexts.all()) {
      lines.add(text.toLowerCase(java.util.Locale.ROOT));
    }
    Random random = new Random(9);
    for (int n = 0; n < 5_000; n++) {
      StringBuilder sb = new StringBuilder();
      String[] pieces = {"(c)", "(c", "c)", " ", "\t", "\u00A0", "1", "20", "2024", "x"};
      for (int k = 0; k < 6; k++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      lines.add(sb.toString());
    }
    int found = 0;
    for (String line : lines) {
      boolean expected = Fingerprinter.COPYRIGHT_YEAR.matcher(line).find();
      assertThat(Fingerprinter.hasCopyrightYear(line)).as(line).isEqualTo(expected);
      found += expected ? 1 : 0;
    }
    assertThat(found).isGreaterThan(50);
  }

  /** The computation as it was: every shingle sorted, then the distinct ones read in order. */
  static Fingerprint plainFingerprint(List<Token> tokens, List<int[]> sentences) {
    long[] wordHashes = new long[tokens.size()];
    for (int i = 0; i < wordHashes.length; i++) {
      wordHashes[i] = Fingerprinter.hash(tokens.get(i).form());
    }
    long[] raw = new long[Math.max(1, tokens.size())];
    int count = 0;
    for (int[] sentence : sentences) {
      int from = sentence[0];
      int to = sentence[1];
      int last = to - from < Fingerprinter.SHINGLE ? from : to - Fingerprinter.SHINGLE;
      int width = Math.min(Fingerprinter.SHINGLE, to - from);
      for (int i = from; i <= last; i++) {
        long h = 0x9E3779B97F4A7C15L;
        for (int j = i; j < i + width; j++) {
          h = Word.mix(h * 31 + wordHashes[j]);
        }
        if (count == raw.length) {
          raw = Arrays.copyOf(raw, raw.length * 2);
        }
        raw[count++] = h;
      }
    }
    long[] leading = Arrays.copyOf(raw, Math.min(Fingerprinter.LEADING_SHINGLES, count));
    Arrays.sort(leading);
    leading = Arrays.stream(leading).distinct().limit(Fingerprinter.MINIMA).toArray();
    Arrays.sort(raw, 0, count);
    int unique = 0;
    for (int i = 0; i < count; i++) {
      if (unique == 0 || raw[i] != raw[unique - 1]) {
        raw[unique++] = raw[i];
      }
    }
    long[] all = Arrays.copyOf(raw, unique);
    int[] ones = new int[64];
    int samples = 0;
    long[] sampleBuffer = new long[unique];
    for (long f : all) {
      // each bit votes +1 when set, -1 when not: count the set bits only (the vote is 2 * ones - n)
      for (long x = f; x != 0; x &= x - 1) {
        ones[Long.numberOfTrailingZeros(x)]++;
      }
      if (Long.remainderUnsigned(f, Fingerprinter.SAMPLE_MODULUS) == 0) {
        sampleBuffer[samples++] = f;
      }
    }
    long simhash = 0;
    for (int b = 0; b < 64; b++) {
      if (2 * ones[b] - all.length > 0) {
        simhash |= 1L << b;
      }
    }
    long[] minima = Arrays.copyOf(all, Math.min(Fingerprinter.MINIMA, all.length));
    long[] s = Arrays.copyOf(sampleBuffer, samples);
    return new Fingerprint(simhash, s, minima, all.length, leading);
  }

}
