package io.newsmon.sink;

import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.record.ProcessedArticle;

/**
 * Reads one {@code news.processed} value and checks that the sink can use it. Pure and stateless.
 */
public final class ArticleReader {

  private static final JsonSerde<ProcessedArticle> SERDE = JsonSerde.of(ProcessedArticle.class);

  /**
   * The article in {@code value}.
   *
   * @throws org.apache.kafka.common.errors.SerializationException when it is not valid JSON for the type
   * @throws InvalidArticleException when a field the sink needs is missing
   */
  public ProcessedArticle read(byte[] value) {
    ProcessedArticle article = SERDE.fromBytes(value);
    if (article == null) {
      throw new InvalidArticleException("the record has no value");
    }
    if (article.id() == null || article.id().isBlank()) {
      throw new InvalidArticleException("the article has no id");
    }
    if (article.article() == null) {
      throw new InvalidArticleException("article " + article.id() + " has no raw article");
    }
    if (article.analysis() == null) {
      throw new InvalidArticleException("article " + article.id() + " has no analysis");
    }
    if (article.analysis().storyId() == null || article.analysis().storyId().isBlank()) {
      throw new InvalidArticleException("article " + article.id() + " has no storyId");
    }
    return article;
  }

  /** A record that is valid JSON but lacks what the sink needs. */
  public static final class InvalidArticleException extends RuntimeException {
    public InvalidArticleException(String message) {
      super(message);
    }
  }
}
