package org.civicequity.federate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher against a server on 127.0.0.1 that misbehaves in every way a member can. */
class HttpFetcherTest {
  @TempDir
  Path dir;
  private HttpServer server;
  private ExecutorService pool;
  private HttpFetcher fetcher;
  private String base;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "test-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/ok.txt", ex -> send(ex, 200, "hello federation"));
    server.createContext("/missing", ex -> send(ex, 404, "not here"));
    server.createContext("/slow-headers", ex -> {
      sleep(6000);
      send(ex, 200, "too late");
    });
    server.createContext("/slow-body", ex -> {
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        out.write("first bytes".getBytes(StandardCharsets.UTF_8));
        out.flush();
        sleep(6000);
        out.write("rest".getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // the client gave up, as it should
      }
    });
    server.createContext("/drip", ex -> {
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 200; i++) {
          out.write('x');
          out.flush();
          sleep(100);
        }
      } catch (IOException e) {
        // the client gave up, as it should
      }
    });
    server.createContext("/big-declared", ex -> {
      ex.sendResponseHeaders(200, 5_000_000);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(new byte[5_000_000]);
      } catch (IOException e) {
        // refused by the client
      }
    });
    server.createContext("/big-chunked", ex -> {
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 1000; i++) {
          out.write(chunk);
        }
      } catch (IOException e) {
        // the client cut the transfer, as it should
      }
    });
    server.createContext("/to-ok", ex -> redirect(ex, "/ok.txt"));
    server.createContext("/to-ftp", ex -> redirect(ex, "ftp://127.0.0.1/feed.zip"));
    server.createContext("/to-file", ex -> redirect(ex, "file:///etc/passwd"));
    server.createContext("/loop", ex -> redirect(ex, "/loop"));
    server.createContext("/private", ex -> {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      authorizations.add(String.valueOf(auth));
      if (auth == null) {
        send(ex, 401, "who are you");
      } else {
        send(ex, 200, "secret data");
      }
    });
    server.createContext("/private-to-other-host", ex -> {
      authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      redirect(ex, "http://localhost:" + server.getAddress().getPort() + "/private");
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    fetcher = new HttpFetcher(Duration.ofMillis(2000), Duration.ofMillis(1000), 3);
  }

  @AfterEach
  void stop() {
    fetcher.close();
    server.stop(0);
    pool.shutdownNow();
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  private static void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().add("Location", location);
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpFetcher.Download get(String path, long max) throws FetchException {
    return fetcher.download(URI.create(base + path), dir.resolve("out"), max,
        Instant.now().plusSeconds(20), false);
  }

  @Test
  void downloadsAndHashes() throws Exception {
    HttpFetcher.Download d = get("/ok.txt", 1000);
    assertThat(Files.readString(dir.resolve("out"))).isEqualTo("hello federation");
    assertThat(d.bytes()).isEqualTo(16);
    assertThat(d.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest("hello federation".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void followsHttpRedirects() throws Exception {
    assertThat(get("/to-ok", 1000).finalUri().getPath()).isEqualTo("/ok.txt");
  }

  @Test
  void slowHeadersHitTheReadTimeout() {
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> get("/slow-headers", 1000))
        .isInstanceOf(FetchException.class).hasMessageContaining("no response from")
        .hasMessageContaining("within 1 s");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(5000));
  }

  @Test
  void stalledBodyHitsTheReadTimeout() {
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> get("/slow-body", 1000))
        .isInstanceOf(FetchException.class).hasMessageContaining("read timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(5000));
  }

  @Test
  void drippingBodyHitsTheMemberDeadline() {
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> fetcher.download(URI.create(base + "/drip"), dir.resolve("out"),
        1000, Instant.now().plusMillis(1500), false))
        .isInstanceOf(FetchException.class).hasMessageContaining("time limit");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(5000));
  }

  @Test
  void announcedOversizeIsRefusedBeforeReading() {
    assertThatThrownBy(() -> get("/big-declared", 1_000_000))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("announces 5000000 bytes, more than the limit of 1000000 bytes");
  }

  @Test
  void oversizedStreamIsCut() throws IOException {
    assertThatThrownBy(() -> get("/big-chunked", 1_000_000))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("sent more than the limit of 1000000 bytes");
    assertThat(Files.size(dir.resolve("out"))).isLessThanOrEqualTo(1_000_000);
  }

  @Test
  void redirectsOnlyToHttp() {
    assertThatThrownBy(() -> get("/to-ftp", 1000)).isInstanceOf(FetchException.class)
        .hasMessageContaining("ftp://127.0.0.1/feed.zip refused: only http(s) redirects");
    assertThatThrownBy(() -> get("/to-file", 1000)).isInstanceOf(FetchException.class)
        .hasMessageContaining("refused: only http(s) redirects");
    assertThatThrownBy(() -> get("/loop", 1000)).isInstanceOf(FetchException.class)
        .hasMessageContaining("more than 3 redirects");
  }

  @Test
  void unreachableAndMissing() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    assertThatThrownBy(() -> fetcher.download(URI.create("http://127.0.0.1:" + port + "/feed.zip"),
        dir.resolve("out"), 1000, Instant.now().plusSeconds(5), false))
        .isInstanceOf(FetchException.class).hasMessageContaining("cannot connect to http://127.0.0.1:" + port);
    assertThatThrownBy(() -> get("/missing", 1000)).isInstanceOf(FetchException.class)
        .hasMessage("HTTP 404 from " + base + "/missing");
    assertThat(fetcher.download(URI.create(base + "/missing"), dir.resolve("out"), 1000,
        Instant.now().plusSeconds(5), true)).isNull();
  }

  @Test
  void credentialsAreSentToTheirOriginOnlyAndNeverPrinted() throws Exception {
    URI withCredentials = URI.create("http://alice:s3cr3t-pw@127.0.0.1:" + server.getAddress().getPort()
        + "/private?token=abc123&page=2");
    fetcher.download(withCredentials, dir.resolve("out"), 1000, Instant.now().plusSeconds(5), false);
    assertThat(authorizations).hasSize(1);
    assertThat(authorizations.get(0)).startsWith("Basic ");

    authorizations.clear();
    URI crossHost = URI.create("http://alice:s3cr3t-pw@127.0.0.1:" + server.getAddress().getPort()
        + "/private-to-other-host?token=abc123");
    assertThatThrownBy(() -> fetcher.download(crossHost, dir.resolve("out"), 1000,
        Instant.now().plusSeconds(5), false))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("HTTP 401")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t").doesNotContain("alice"));
    // the first hop carried the credentials, the other host never saw them
    assertThat(authorizations).hasSize(2);
    assertThat(authorizations.get(0)).startsWith("Basic ");
    assertThat(authorizations.get(1)).isEqualTo("null");

    assertThat(Urls.redact(withCredentials.toString()))
        .isEqualTo("http://127.0.0.1:" + server.getAddress().getPort() + "/private?token=***&page=2");
  }
}
