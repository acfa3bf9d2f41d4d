package io.newsmon.processor.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Analysis;
import io.newsmon.processor.fingerprint.Fingerprinter;
import io.newsmon.processor.text.Token;
import io.newsmon.processor.text.Tokenizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the event representation, on sentences written for these tests. */
class EventRepresentationTest {

  static List<String> quantities(String s) {
    return Quantities.find(s, 0, s.length(), List.of());
  }

  @Test
  void quantitiesAreTheSameWhateverTheirWriting() {
    assertThat(quantities("Kazakhstan shipped 400,000 tonnes of wheat.")).containsExactly("400000");
    assertThat(quantities("Le Kazakhstan a expédié 400 000 tonnes de blé.")).containsExactly("400000");
    assertThat(quantities("Казахстан отгрузил 400 тыс. тонн пшеницы.")).containsExactly("400000");
    assertThat(quantities("Қазақстан 400 мың тонна бидай жөнелтті.")).containsExactly("400000");
    assertThat(quantities("صدرت كازاخستان ٤٠٠ ألف طن من القمح.")).containsExactly("400000");
    assertThat(quantities("Kazajistán envió 400 mil toneladas; el acuerdo vale 1,2 mil millones.")).containsExactly("400000", "1200000000");
    assertThat(quantities("A 0.4 million tonne order, up 12% from 2024, signed by 2 ministers."))
        .containsExactly("400000", "12%");
  }

  static List<LocalDate> dates(String s, String published) {
    List<Token> t = Tokenizer.tokenize(s);
    return MentionedDates.find(s, t, 0, t.size(), LocalDate.parse(published)).stream()
        .map(MentionedDates.Found::date).toList();
  }

  @Test
  void datesAreResolvedAgainstThePublicationDay() {
    LocalDate d = LocalDate.parse("2025-02-28");
    assertThat(dates("The ministers met in Rabat on 28 February 2025.", "2025-03-01")).containsExactly(d);
    assertThat(dates("The ministers met in Rabat on February 28.", "2025-03-01")).containsExactly(d);
    assertThat(dates("Les ministres se sont rencontrés le 28 février à Rabat.", "2025-03-01")).containsExactly(d);
    assertThat(dates("Министры встретились 28 февраля в Рабате.", "2025-03-01")).containsExactly(d);
    assertThat(dates("Министрлер 28 ақпанда Рабатта кездесті.", "2025-03-01")).containsExactly(d);
    assertThat(dates("التقى الوزيران يوم 28 فبراير بالرباط.", "2025-03-01")).containsExactly(d);
    assertThat(dates("Los ministros se reunieron el 28.02.2025 en Rabat.", "2025-03-01")).containsExactly(d);
    // 2025-03-01 was a Saturday: "on Friday" is the day before, "yesterday" too
    assertThat(dates("The ministers met in Rabat on Friday.", "2025-03-01")).containsExactly(d);
    assertThat(dates("Министры встретились в пятницу в Рабате.", "2025-03-01")).containsExactly(d);
    assertThat(dates("Les ministres se sont rencontrés hier à Rabat.", "2025-03-01")).containsExactly(d);
    // a number next to a word that is no month, and a word that only starts like a weekday, are no dates
    assertThat(dates("Des stations de ski en montagne, à 28 minutes de la ville.", "2025-03-01")).isEmpty();
    // December mentioned in January is last year's
    assertThat(dates("Signed on 30 December.", "2026-01-03")).containsExactly(LocalDate.parse("2025-12-30"));
  }

  @Test
  void namesHaveOneKeyAcrossScripts() {
    assertThat(Names.key("Bourita")).isEqualTo("brt");
    assertThat(Names.key("Бурита")).isEqualTo("brt");
    assertThat(Names.key("بوريطة")).isEqualTo("brt");
    assertThat(Names.key("Kostanay")).isEqualTo(Names.key("Костанай"));
    assertThat(Names.key("Kazakhstan")).isEqualTo(Names.key("Казахстан")).isEqualTo(Names.key("كازاخستان"));
    assertThat(Names.key("Aktau")).as("too short to tell names apart").isNull();
  }

  @Test
  void actionsComeFromTheLexiconInEveryLanguage() {
    assertThat(kinds("Nurtleu made an official visit to Rabat")).containsExactly("visit");
    assertThat(kinds("Бурита и Нуртлеу провели телефонный разговор")).containsExactly("call");
    assertThat(kinds("بوريطة يجري اتصالا هاتفيا مع نظيره")).containsExactly("call");
    assertThat(kinds("Le Parlement ratifie l'accord signé en mars")).as("ratification overrides the signing it recalls")
        .containsExactly("ratification");
    assertThat(kinds("Мәжіліс келісімді ратификациялады")).containsExactly("ratification");
    assertThat(kinds("Вторая партия зерна доставлена в Марокко")).containsExactly("shipment");
    assertThat(kinds("В Астане открылось посольство Марокко")).containsExactly("launch");
    assertThat(kinds("Inauguration de l'ambassade du Maroc à Astana")).containsExactly("launch");
    assertThat(kinds("Le Président a reçu les lettres de créance de l'ambassadeur")).as("credentials are no message")
        .containsExactly("credentials");
    assertThat(kinds("Токаев принял верительные грамоты от восьми послов")).containsExactly("credentials");
    // Arabic verbs in their perfect and imperfect forms, not a list of words
    assertThat(kinds("المغرب وكازاخستان توقعان اتفاقية للتعاون الأمني")).containsExactly("signing");
    assertThat(kinds("الوزيران يوقعون مذكرة تفاهم")).containsExactly("signing");
    assertThat(kinds("وقعتا على الاتفاق وسيوقعان البروتوكول")).containsExactly("signing");
    assertThat(kinds("البرلمانان يصادقان على الاتفاقية")).containsExactly("ratification");
    assertThat(kinds("يتوقع الخبراء ارتفاع الأسعار")).as("to expect is another verb").isEmpty();
    assertThat(Actions.DEFAULT.compatible(List.of("visit"), List.of("signing"))).isTrue();
    assertThat(Actions.DEFAULT.compatible(List.of("call"), List.of("message"))).isFalse();
    assertThat(Actions.DEFAULT.compatible(List.of("signing"), List.of("ratification"))).isFalse();
    assertThat(Actions.DEFAULT.compatible(List.of(), List.of("ratification"))).isTrue();
  }

  static List<String> kinds(String s) {
    List<Token> t = Tokenizer.tokenize(s);
    return Actions.DEFAULT.kinds(t, 0, t.size());
  }

  static Analysis.Event extract(String title, String text, String published) {
    List<Token> tokens = Tokenizer.tokenize(text);
    return EventExtractor.extract(title, Tokenizer.tokenize(title), text, tokens,
        Fingerprinter.contentSentences(text, tokens), Instant.parse(published), List.of());
  }

  @Test
  void theEventOfAnArticle() {
    Analysis.Event e = extract("Second Kazakh wheat cargo reaches Jorf Lasfar",
        "The bulk carrier Marmara Sprite, which left Aktau on 14 June, unloaded 41,200 tonnes of Kazakh wheat "
            + "at Jorf Lasfar on Tuesday, the port operator said.\n\nThe shipment follows a first cargo of 28,500 "
            + "tonnes delivered to Casablanca in early July.",
        "2025-08-13T09:00:00Z");
    assertThat(e.actions()).containsExactly("shipment");
    assertThat(e.day()).as("the first date of the lead").isEqualTo("2025-06-14");
    assertThat(e.published()).isEqualTo("2025-08-13");
    assertThat(e.quantities()).containsExactly("41200", "28500");
    assertThat(e.names()).contains(Names.key("Marmara"), Names.key("Sprite"), Names.key("Lasfar"))
        .doesNotContain(Names.key("The"));
  }

  static StoryMatcher.Article article(String day, String published, List<String> entities, String... keys) {
    List<String> k = new java.util.ArrayList<>(List.of(keys));
    k.add("p:" + published);
    if (day != null) {
      k.add("d:" + day);
    }
    k.add("w:morocco-kazakhstan");
    return new StoryMatcher.Article(Instant.parse(published + "T12:00:00Z").toEpochMilli(), entities, List.of(), k);
  }

  @Test
  void hardConstraintsKeepSiblingEventsApart() {
    StoryMatcher m = new StoryMatcher(new StoryMatcher.Settings(Duration.ofDays(3), 2.0, 2));
    List<String> ministers = List.of("ma:bourita", "kz:nurtleu");
    StoryMatcher.Article call = article("2025-01-14", "2025-01-14", ministers, "a:call");
    StoryMatcher.Article callFr = article(null, "2025-01-14", ministers, "a:call", "n:frs");
    StoryMatcher.Article message = article("2025-01-16", "2025-01-16", ministers, "a:message");
    StoryMatcher.Article secondCall = article("2025-01-17", "2025-01-17", ministers, "a:call");
    assertThat(m.sameEvent(call, callFr)).isTrue();
    assertThat(m.evidence(call, message)).as("another kind of action").isNegative();
    assertThat(m.evidence(call, secondCall)).as("stated days three days apart").isNegative();
    // a background date in the lead (the ship left on 14 June) is not the event's day
    StoryMatcher.Article arrival = article("2025-06-14", "2025-07-03", List.of("ma:casablanca"), "q:28500");
    StoryMatcher.Article arrivalFr = article("2025-07-03", "2025-07-03", List.of("ma:casablanca"), "q:28000",
        "a:shipment");
    assertThat(m.evidence(arrival, arrivalFr)).as("entity, rounded quantity").isEqualTo(2.0);
    // an article of another watch (or none) is another event whatever it shares
    StoryMatcher.Article other = new StoryMatcher.Article(call.eventTime(), ministers, List.of(),
        List.of("a:call", "d:2025-01-14", "p:2025-01-14"));
    assertThat(m.evidence(call, other)).isNegative();
  }

  @Test
  void aNextDayEventIsAnotherEvent() {
    StoryMatcher m = new StoryMatcher(new StoryMatcher.Settings(Duration.ofDays(3), 2.0, 2));
    // 2027-02-08 was a Monday: a signing reported on Tuesday as "yesterday, Monday", and the two
    // ministers' phone call on Tuesday
    Analysis.Event signing = extract("المغرب وكازاخستان توقعان اتفاقية للتعاون الأمني",
        "أكدت وزارة الخارجية أن المغرب وكازاخستان توقعان، أمس الاثنين بأستانا، اتفاقية للتعاون في مجال "
            + "مكافحة الجريمة المنظمة والإرهاب بحضور الوزيرين بوريطة وكوشرباييف.\nوتنص الاتفاقية على تبادل المعلومات.",
        "2027-02-09T07:00:00Z");
    Analysis.Event call = extract("Entretien téléphonique entre M. Bourita et son homologue kazakh",
        "Le ministre des Affaires étrangères, M. Nasser Bourita, s'est entretenu mardi au téléphone avec son "
            + "homologue du Kazakhstan, M. Yermek Kosherbayev.\nLes deux ministres ont évoqué la commission mixte.",
        "2027-02-09T14:00:00Z");
    assertThat(signing.day()).isEqualTo("2027-02-08");
    assertThat(signing.actions()).containsExactly("signing");
    assertThat(call.day()).isEqualTo("2027-02-09");
    List<String> ministers = List.of("ma:bourita", "kz:kosherbayev", "kz:mfa");
    StoryMatcher.Article a = matched(signing, ministers, "2027-02-09T07:00:00Z");
    StoryMatcher.Article b = matched(call, ministers, "2027-02-09T14:00:00Z");
    assertThat(m.evidence(a, b)).as("a signing and the next day's call").isNegative();
    // without the kinds (a report that names none), a day apart is still not the same day
    StoryMatcher.Article unnamed = article("2027-02-08", "2027-02-09", ministers);
    StoryMatcher.Article callDay = article("2027-02-09", "2027-02-09", ministers, "a:call");
    assertThat(m.evidence(unnamed, callDay)).isNegative();
    // the same kind a day apart (a date line in another time zone) can be one event
    StoryMatcher.Article signedLate = article("2027-02-08", "2027-02-09", ministers, "a:signing");
    StoryMatcher.Article signedNext = article("2027-02-09", "2027-02-09", ministers, "a:signing");
    assertThat(m.sameEvent(signedLate, signedNext)).isTrue();
  }

  static StoryMatcher.Article matched(Analysis.Event e, List<String> entities, String eventTime) {
    List<String> keys = new java.util.ArrayList<>(EventKeys.of(e));
    keys.add("w:morocco-kazakhstan");
    return new StoryMatcher.Article(Instant.parse(eventTime).toEpochMilli(), entities, List.of(), keys);
  }
}
