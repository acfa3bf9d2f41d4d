package io.newsmon.ingestor.fetch;

/** HTTP validators of a previous answer, sent back as If-None-Match / If-Modified-Since. Null fields are left out. */
public record Validators(String etag, String lastModified) {

  public static final Validators NONE = new Validators(null, null);

  public boolean isEmpty() {
    return (etag == null || etag.isBlank()) && (lastModified == null || lastModified.isBlank());
  }
}
