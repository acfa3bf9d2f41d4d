package io.newsmon.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.processor.text.Tokenizer;
import io.newsmon.processor.watch.Watch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feature {@code parallel_frames}: the two sides named in sentences of their own, each framed by the
 * same word (a preposition before the name, a postposition after it), as each side's own dealings are
 * told; not where the two are named together.
 */
class ParallelFramesTest {

  static Watch watch;

  @BeforeAll
  static void load() {
    watch = Watches.bundled(null, false);
  }

  static double frames(String text) {
    return watch.tag(text, Tokenizer.tokenize(text), "", Tokenizer.tokenize("")).features().get("parallel_frames");
  }

  @Test
  void theSameWordBeforeEachSideInSentencesOfTheirOwn() {
    assertThat(frames("Der Konzern hat zwei getrennte Verträge geschlossen. Mit dem marokkanischen Energieministerium "
        + "vereinbarte er den Bau eines Windparks bei Tarfaya. Mit dem kasachischen Industrieministerium unterzeichnete "
        + "er eine Absichtserklärung über Stahlrohre.")).isEqualTo(1.0);
    assertThat(frames("La empresa anunció dos proyectos. En Marruecos construirá una planta desalinizadora cerca de "
        + "Agadir. En Kazajistán abrirá un centro de formación para técnicos.")).isEqualTo(1.0);
  }

  @Test
  void theSameWordAfterEachSideWherePostpositionsFollowTheName() {
    assertThat(frames("कंपनी ने दो अलग परियोजनाओं की घोषणा की। मोरक्को में वह एक सौर संयंत्र बनाएगी। "
        + "कज़ाख़स्तान में वह एक प्रशिक्षण केंद्र खोलेगी।")).isEqualTo(1.0);
  }

  @Test
  void notWhereTheTwoAreNamedTogetherOrFramedByDifferentWords() {
    assertThat(frames("Marokko und Kasachstan haben in Astana ein Abkommen über Weizenlieferungen unterzeichnet. "
        + "Die Minister beider Länder kündigten weitere Gespräche an.")).isEqualTo(0.0);
    assertThat(frames("Der marokkanische Botschafter traf am Montag den Bürgermeister. Am Dienstag reiste eine "
        + "Delegation aus Kasachstan an.")).isEqualTo(0.0);
  }
}
