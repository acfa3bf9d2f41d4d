package io.newsmon.ingestor;

/** Feeds and pages written for these tests, in the supported languages. */
final class Fixtures {

  private Fixtures() {}

  static String rss2(String base) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Le Quotidien de Rabat</title><language>fr</language>
        <item><title>Rabat et Astana signent un accord sur le blé</title>
          <link>%s/articles/rabat-astana-ble?utm_source=rss&amp;utm_medium=feed</link>
          <guid>ble-1</guid>
          <description>&lt;p&gt;Les deux pays renforcent leurs échanges.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>
          <pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate><dc:creator>Salma Idrissi</dc:creator></item>
        <item><title>Match amical au stade de Fès</title>
          <link>%s/articles/match-fes</link>
          <pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate></item>
        </channel></rss>
        """.formatted(base, base);
  }

  static String articleFr(String canonical) {
    return """
        <!doctype html><html lang="fr-MA"><head><meta charset="utf-8">
        <title>Rabat et Astana signent un accord sur le blé | Le Quotidien</title>
        <link rel="canonical" href="%s">
        <meta property="article:published_time" content="2025-03-04T10:30:00+01:00">
        <meta name="author" content="Salma Idrissi">
        <script>var tracker = "<script>steal()</script>";</script>
        <style>.x{color:red}</style>
        </head><body onload="evil()">
        <nav><a href="/">Accueil</a> <a href="/sport">Sport</a> <a href="/economie">Économie</a></nav>
        <article><h1>Rabat et Astana signent un accord sur le blé</h1>
        <p>Le Maroc et le Kazakhstan ont signé mardi à Rabat un accord qui prévoit l'importation de
        blé kazakh par les minoteries marocaines dès la prochaine campagne agricole.</p>
        <p onclick="alert('x')">Selon le ministère de l'Agriculture, les premières cargaisons arriveront
        au port de Casablanca au printemps, après un transit par la mer Noire et la Méditerranée.</p>
        <p>Les deux délégations ont également évoqué la création d'une commission mixte chargée du
        suivi des échanges commerciaux, qui se réunira deux fois par an, alternativement à Rabat et à Astana.</p>
        <div class="share-buttons"><a href="#">Partager sur Facebook</a></div>
        </article>
        <footer>© Le Quotidien de Rabat — Tous droits réservés</footer>
        </body></html>
        """.formatted(canonical);
  }

  static String articleAr() {
    return """
        <html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>المغرب وكازاخستان يوقعان اتفاقية</title>
        <script type="application/ld+json">
        {"@context":"https://schema.org","@type":"NewsArticle","headline":"المغرب وكازاخستان يوقعان اتفاقية للتعاون الفلاحي",
         "datePublished":"2025-03-05T12:00:00Z","author":{"@type":"Person","name":"يوسف العلوي"},
         "articleBody":"وقع المغرب وكازاخستان اليوم في الرباط اتفاقية للتعاون في مجال الفلاحة والأمن الغذائي. وتنص الاتفاقية على تبادل الخبرات في مجال الري وتطوير زراعة الحبوب. وقال وزير الفلاحة إن هذه الخطوة تعزز العلاقات الثنائية بين البلدين وتفتح آفاقا جديدة للاستثمار. وأضاف أن اللجنة المشتركة ستجتمع قبل نهاية السنة في أستانا لمتابعة تنفيذ الاتفاقية وتقييم نتائجها الأولى على أرض الواقع."}
        </script></head><body><div class="menu"><a href="/">الرئيسية</a></div>
        <div class="content"><p>وقع المغرب وكازاخستان اليوم في الرباط اتفاقية للتعاون في مجال الفلاحة والأمن الغذائي.</p></div>
        </body></html>
        """;
  }
}
