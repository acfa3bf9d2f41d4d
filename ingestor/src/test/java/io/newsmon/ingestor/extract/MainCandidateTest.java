package io.newsmon.ingestor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MainCandidateTest {

  private static final String ABOUT = "I am a designer and a maker living by the sea. I write about the things I build, "
      + "the tools I use and the people I meet on the way. This blog has been running since the spring of 2006 and "
      + "has had more than a thousand posts about wood, paper, metal, glass and everything in between them. "
      + "Write to me any time: I answer every letter, even the long ones, usually within a week or two.";

  private static final String SHORT_POST = "A perfect pencil drawing of a bowl of cherries by a young artist from Lisbon: "
      + "it took her sixty hours, and it still looks like a photograph to me.";

  /** A blog page: a short post under its headline, a long "about me" box in the sidebar. */
  private static String blogPage() {
    return "<html><head><title>Maker Notes: This is not a photograph</title></head><body>"
        + "<div id='header'><h1><a href='/'>Maker Notes</a></h1><p>Things made by hand</p></div>"
        + "<div class='main-column'><div class='post'><h3 class='post-title'>This is not a photograph</h3>"
        + "<div class='post-header'>Monday, October 15</div><div class='post-body'>" + SHORT_POST + "</div>"
        + "<div class='post-footer'>Posted by <a href='/me'>Ann</a> at 10:12</div></div></div>"
        + "<div id='sidebar-wrapper'><div class='widget profile'><h2>About me</h2><p>" + ABOUT + "</p></div>"
        + "<div class='widget'><h2>Archive</h2><ul><li><a href='/1'>October</a></li><li><a href='/2'>September</a></li></ul></div>"
        + "</div></body></html>";
  }

  @Test
  void aShortPostWinsOverALongerSidebarBoxWhenItsHeadlineIsThePageTitle() {
    Document page = Jsoup.parse(blogPage());
    MainCandidate.Result r = MainCandidate.choose(page, ABOUT, List.of("Maker Notes: This is not a photograph"), List.of());
    assertThat(r.choice()).isEqualTo(MainCandidate.Choice.HEADLINE_POST);
    assertThat(r.text()).contains("pencil drawing of a bowl of cherries").doesNotContain("designer and a maker")
        .doesNotContain("This is not a photograph");

    ExtractedArticle a = new ArticleExtractor().extract(blogPage(), null);
    assertThat(a.text()).contains("pencil drawing of a bowl of cherries").doesNotContain("designer and a maker");
  }

  @Test
  void theHeadlineIsTheHighestHeadingWhoseWordsAreTheTitle() {
    Document page = Jsoup.parse(blogPage());
    assertThat(MainCandidate.headline(page, List.of("Maker Notes: This is not a photograph")).text())
        .isEqualTo("This is not a photograph");
    // the site name alone is a run of the title too short to count (under half of its words)
    assertThat(MainCandidate.headline(page, List.of("Unrelated words entirely"))).isNull();
  }

  @Test
  void aBodyInsideTheArticleIsKeptWhateverItsWrapperIsCalled() {
    String body = "<p>" + "The council voted on Tuesday to close the old bridge for repairs during the summer. ".repeat(4) + "</p>";
    String html = "<html><head><title>Bridge to close</title></head><body>"
        + "<section class='hero'><h1>Bridge to close</h1><p class='dek'>The old bridge will shut for three months of "
        + "repairs from June, the council said, and ferries will run instead.</p></section>"
        + "<article><div class='sidebar-layout'><div class='sidebar-content'>" + body + "</div></div></article></body></html>";
    Document page = Jsoup.parse(html);
    String chosen = TextBlocks.text(page.selectFirst(".sidebar-content"));
    MainCandidate.Result r = MainCandidate.choose(page, chosen, List.of("Bridge to close"), List.of());
    assertThat(r.choice()).isEqualTo(MainCandidate.Choice.KEPT);
    assertThat(r.text()).isEqualTo(chosen);
  }

  @Test
  void anIndexAroundTheArticleIsNarrowedToThePostTheHeadlineOpens() {
    StringBuilder html = new StringBuilder("<html><head><title>Harbour news</title></head><body><div class='posts'>");
    String[] titles = {"Cranes replaced at the harbour", "Ferry timetable for the winter", "New fish market opens"};
    for (String t : titles) {
      html.append("<div class='entry'><h2 class='entry-title'><a href='/p'>").append(t).append("</a></h2><div class='entry-body'><p>")
          .append(("Story of " + t.toLowerCase() + ", told at length with the names of everyone involved. ").repeat(3))
          .append("</p></div></div>");
    }
    html.append("</div></body></html>");
    Document page = Jsoup.parse(html.toString());
    String all = TextBlocks.text(page.selectFirst(".posts"));
    MainCandidate.Result r = MainCandidate.choose(page, all, List.of("Ferry timetable for the winter"), List.of());
    assertThat(r.choice()).isEqualTo(MainCandidate.Choice.NARROWED);
    assertThat(r.text()).contains("Story of ferry timetable").doesNotContain("Story of cranes").doesNotContain("fish market");
  }

  @Test
  void subheadingsOfOneArticleAreNotRivalHeadlines() {
    StringBuilder html = new StringBuilder("<html><body><div class='story'><h2>How to plant a hedge</h2>");
    for (String s : new String[] {"Choose the plants", "Dig the trench", "Water them well"}) {
      html.append("<h2>").append(s).append("</h2><p>").append(("Advice on how to " + s.toLowerCase() + " in the autumn. ").repeat(4)).append("</p>");
    }
    html.append("</div></body></html>");
    Document page = Jsoup.parse(html.toString());
    String all = TextBlocks.text(page.selectFirst(".story"));
    MainCandidate.Result r = MainCandidate.choose(page, all, List.of("How to plant a hedge"), List.of());
    assertThat(r.choice()).isEqualTo(MainCandidate.Choice.KEPT);
  }

  @Test
  void theDeclaredArticleBodyDecidesBetweenTwoCandidatesApart() {
    String story = "Rain flooded the lower town overnight and the fire brigade pumped out forty cellars before dawn, "
        + "while the river rose another metre and the mayor closed both schools for the rest of the week.";
    String other = "Our shop sells maps, guides and postcards of the lower town, the river and the old schools, "
        + "open every day of the week from nine in the morning until late in the evening.";
    String html = "<html><head><title>Floods in the lower town</title></head><body>"
        + "<div class='left'><h1>Floods in the lower town</h1><div class='text'><p>" + story + "</p></div></div>"
        + "<div class='right'><div class='box'><p>" + other + "</p></div></div></body></html>";
    Document page = Jsoup.parse(html);
    MainCandidate.Result agreed = MainCandidate.choose(page, other, List.of("Floods in the lower town"), List.of(story));
    assertThat(agreed.choice()).isEqualTo(MainCandidate.Choice.HEADLINE_POST);
    assertThat(agreed.text()).contains("fire brigade pumped out forty cellars");
    MainCandidate.Result noSummary = MainCandidate.choose(page, other, List.of("Floods in the lower town"), List.of());
    assertThat(noSummary.choice()).isEqualTo(MainCandidate.Choice.KEPT);
  }
}
