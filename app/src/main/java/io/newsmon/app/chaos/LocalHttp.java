package io.newsmon.app.chaos;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** An HTTP server on a free port of 127.0.0.1 with a pool of daemon threads, for the fault program. */
final class LocalHttp {

  private LocalHttp() {}

  static HttpServer start(HttpHandler handler, int threads, String name) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", handler);
      server.setExecutor(Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
      }));
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + name + " server on 127.0.0.1", e);
    }
  }
}
