package io.newsmon.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Analysis;
import org.junit.jupiter.api.Test;

/**
 * Two names side by side with only a space between them are not a coordinated pair (one is the actor,
 * the other where it acts), unless a mark or a conjunction written onto the second joins them.
 */
class AdjacentNamesTest {

  @Test
  void aSideActingInAPlaceOfTheOtherIsARelation() {
    Analysis.WatchMatch m = RelationPredicatesTest.judge("Қозоғистон Рабатда элчихона биносини сотиб олади",
        "Қозоғистон Ташқи ишлар вазирлиги Марокашнинг пойтахти Рабатда элчихона учун бино сотиб олишини маълум қилди. "
            + "Марокаш томони битимни маъқуллади.");
    assertThat(m.relevant()).as(m.toString()).isTrue();
  }

  @Test
  void aConjunctionWrittenOntoTheSecondNameStillMakesAPair() {
    Analysis.WatchMatch m = RelationPredicatesTest.judge("شركة صينية تفتح مصنعين في المغرب وكازاخستان",
        "أعلنت شركة صينية لصناعة البطاريات أنها ستفتح مصنعا في المغرب ومصنعا آخر في كازاخستان خلال العام المقبل.");
    assertThat(m.relevant()).as(m.toString()).isFalse();
  }

  @Test
  void aHyphenJoinsTwoNames() {
    Analysis.WatchMatch m = RelationPredicatesTest.judge("Morocco-Kazakhstan talks open in Rabat",
        "Morocco-Kazakhstan talks on a visa waiver opened in Rabat on Monday, the two foreign ministries said.");
    assertThat(m.relevant()).as(m.toString()).isTrue();
  }
}
