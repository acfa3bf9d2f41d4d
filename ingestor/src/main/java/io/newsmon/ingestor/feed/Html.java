package io.newsmon.ingestor.feed;

import io.newsmon.ingestor.extract.TextBlocks;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** Markup to plain text for feed fields: scripts, styles and event handlers never survive. */
public final class Html {

  private static final Pattern SCRIPT_TAG = Pattern.compile("(?i)<\\s*/?\\s*script");

  private Html() {}

  public static String toText(String s) {
    if (s == null) {
      return null;
    }
    String t = io.newsmon.ingestor.fetch.Charsets.demoronize(s);
    t = t.indexOf('<') >= 0 || s.indexOf('&') >= 0
        ? TextBlocks.text(Jsoup.parseBodyFragment(t).body()) : t.strip();
    // Text that spells out a tag (escaped twice in the source) must still not carry one.
    t = SCRIPT_TAG.matcher(t).replaceAll("");
    return t.isBlank() ? null : t;
  }
}
