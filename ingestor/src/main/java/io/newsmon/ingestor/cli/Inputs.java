package io.newsmon.ingestor.cli;

import io.newsmon.ingestor.fetch.FetchException;
import io.newsmon.ingestor.fetch.FetchResult;
import io.newsmon.ingestor.fetch.HttpFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads a command input: an http(s) URL through the fetcher, or a file (gzip when it ends in .gz), capped in size. */
final class Inputs {

  record Loaded(byte[] bytes, String contentType, String baseUrl) {}

  private Inputs() {}

  static Loaded load(String input, HttpFetcher fetcher, long maxBytes) throws IOException, FetchException {
    if (input.startsWith("http://") || input.startsWith("https://")) {
      FetchResult r = fetcher.fetch(input);
      return new Loaded(r.body(), r.contentType(), r.finalUrl());
    }
    Path p = Path.of(input);
    try (InputStream raw = Files.newInputStream(p);
        InputStream in = input.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      return new Loaded(HttpFetcher.readCapped(in, maxBytes, input), null, p.toAbsolutePath().toUri().toString());
    }
  }
}
