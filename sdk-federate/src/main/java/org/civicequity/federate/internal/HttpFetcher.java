package org.civicequity.federate.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads one http(s) URL into a file with the limits a harvester needs: a connect timeout, a
 * read timeout (for the response headers, and for every pause in the body), a deadline, a byte
 * cap that stops the transfer as soon as it is passed, and redirects followed by hand so that
 * only http(s) targets are accepted and https is never downgraded to http. Credentials from the
 * URL's user-info are sent as HTTP Basic only to the origin they were given for, and never appear
 * in a message.
 */
public final class HttpFetcher implements AutoCloseable {
  /** Bodies of error and redirect responses are read up to this size, then dropped. */
  private static final long DISCARD_LIMIT = 64 * 1024;

  private final HttpClient client;
  private final Duration readTimeout;
  private final int maxRedirects;
  private final ScheduledExecutorService watchdog;

  /**
   * Creates a fetcher.
   *
   * @param connectTimeout the connect timeout
   * @param readTimeout    the read timeout
   * @param maxRedirects   the most redirects followed per download
   */
  public HttpFetcher(Duration connectTimeout, Duration readTimeout, int maxRedirects) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.readTimeout = readTimeout;
    this.maxRedirects = maxRedirects;
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "civic-equity-fetch-watchdog");
      t.setDaemon(true);
      return t;
    });
  }

  /** What a download gave. */
  public record Download(long bytes, String sha256, URI finalUri) {
  }

  /**
   * Downloads a URL into a file.
   *
   * @param url      the URL as the user gave it (may carry user-info credentials)
   * @param target   the file to write (replaced)
   * @param maxBytes the most bytes to accept
   * @param deadline when to give up
   * @param optional when true, a 404 or 410 returns null instead of failing
   * @return the download, or null for a missing optional file
   * @throws FetchException with a reason for the user
   */
  public Download download(URI url, Path target, long maxBytes, Instant deadline, boolean optional)
      throws FetchException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(FetchException.Kind.REDIRECT, "only http and https URLs are fetched, not " + Urls.redact(url.toString()));
    }
    String authorization = Urls.basicAuthorization(url);
    URI origin = Urls.withoutUserInfo(url);
    URI current = origin;
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder rb = HttpRequest.newBuilder(current)
          .timeout(readTimeout)
          .header("User-Agent", "civic-equity-harvester/1.0")
          .header("Accept-Encoding", "identity")
          .GET();
      if (authorization != null && sameOrigin(current, origin)) {
        rb.header("Authorization", authorization);
      }
      Body body = new Body(target, maxBytes, current);
      CompletableFuture<HttpResponse<Download>> f = client.sendAsync(rb.build(), body::handler);
      HttpResponse<Download> response = await(f, body, deadline, current);
      int status = response.statusCode();
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        if (hop >= maxRedirects) {
          throw new FetchException(FetchException.Kind.REDIRECT, "more than " + maxRedirects + " redirects from "
              + Urls.redact(url.toString()));
        }
        String location = response.headers().firstValue("Location").orElseThrow(() ->
            new FetchException(FetchException.Kind.REDIRECT, "redirect " + status + " without a Location from "
                + Urls.redact(response.uri().toString())));
        URI next;
        try {
          next = current.resolve(location.strip());
        } catch (IllegalArgumentException e) {
          throw new FetchException(FetchException.Kind.REDIRECT, "redirect to an invalid URL from " + Urls.redact(current.toString()));
        }
        String nextScheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!nextScheme.equals("http") && !nextScheme.equals("https")) {
          throw new FetchException(FetchException.Kind.REDIRECT, "redirect from " + Urls.redact(current.toString())
              + " to " + Urls.redact(next.toString()) + " refused: only http(s) redirects are followed");
        }
        if ("https".equalsIgnoreCase(current.getScheme()) && nextScheme.equals("http")) {
          throw new FetchException(FetchException.Kind.REDIRECT, "redirect from " + Urls.redact(current.toString())
              + " to " + Urls.redact(next.toString()) + " refused: https is never downgraded to http");
        }
        current = Urls.withoutUserInfo(next);
        continue;
      }
      if (status == 200) {
        return response.body();
      }
      if (optional && (status == 404 || status == 410)) {
        return null;
      }
      throw new FetchException(FetchException.Kind.HTTP_STATUS, "HTTP " + status + " from " + Urls.redact(current.toString()));
    }
  }

  private HttpResponse<Download> await(CompletableFuture<HttpResponse<Download>> f, Body body,
      Instant deadline, URI uri) throws FetchException {
    long millis = Duration.between(Instant.now(), deadline).toMillis();
    try {
      if (millis <= 0) {
        throw new TimeoutException();
      }
      return f.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      body.abort(new FetchException(FetchException.Kind.TIMEOUT, "gave up on " + Urls.redact(uri.toString())
          + ": the member's time limit was reached"));
      throw new FetchException(FetchException.Kind.TIMEOUT, "gave up on " + Urls.redact(uri.toString())
          + ": the member's time limit was reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      throw new FetchException(FetchException.Kind.OTHER, "interrupted while fetching " + Urls.redact(uri.toString()), e);
    } catch (ExecutionException | CancellationException e) {
      throw translate(e, uri);
    } finally {
      body.stopWatching();
    }
  }

  private FetchException translate(Throwable e, URI uri) {
    Throwable t = e;
    while ((t instanceof ExecutionException || t instanceof CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    // The body subscriber's own reason travels as the cause of an IOException.
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof FetchException fe) {
        return new FetchException(fe.kind(), fe.getMessage(), e);
      }
    }
    String where = Urls.redact(uri.toString());
    if (t instanceof HttpConnectTimeoutException) {
      return new FetchException(FetchException.Kind.TIMEOUT, "could not connect to " + where + " within "
          + seconds(client.connectTimeout().orElse(readTimeout)), e);
    }
    if (t instanceof HttpTimeoutException) {
      return new FetchException(FetchException.Kind.TIMEOUT, "no response from " + where + " within " + seconds(readTimeout), e);
    }
    if (t instanceof ConnectException) {
      return new FetchException(FetchException.Kind.UNREACHABLE, "cannot connect to " + where + " (connection refused or host unreachable)", e);
    }
    if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
      return new FetchException(FetchException.Kind.UNREACHABLE, "unknown host in " + where, e);
    }
    if (t instanceof CancellationException) {
      return new FetchException(FetchException.Kind.OTHER, "download of " + where + " was cancelled", e);
    }
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return new FetchException(FetchException.Kind.OTHER, "cannot fetch " + where + ": " + msg, e);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }

  /**
   * The body of one response: written to the target file for a 200, read up to a small limit
   * and dropped otherwise; the transfer is cancelled as soon as the cap is passed or the body
   * pauses longer than the read timeout.
   */
  private final class Body {
    private final Path target;
    private final long maxBytes;
    private final URI uri;
    private volatile Subscriber subscriber;

    Body(Path target, long maxBytes, URI uri) {
      this.target = target;
      this.maxBytes = maxBytes;
      this.uri = uri;
    }

    HttpResponse.BodySubscriber<Download> handler(HttpResponse.ResponseInfo info) {
      Subscriber s;
      if (info.statusCode() == 200) {
        OptionalLong length = info.headers().firstValueAsLong("Content-Length");
        if (length.isPresent() && length.getAsLong() > maxBytes) {
          s = new Subscriber(null, 0, new FetchException(FetchException.Kind.TOO_LARGE, Urls.redact(uri.toString())
              + " announces " + length.getAsLong() + " bytes, more than the limit of "
              + maxBytes + " bytes"));
        } else {
          s = new Subscriber(target, maxBytes, null);
        }
      } else {
        s = new Subscriber(null, DISCARD_LIMIT, null);
      }
      subscriber = s;
      return s;
    }

    void abort(FetchException e) {
      Subscriber s = subscriber;
      if (s != null) {
        s.abort(e);
      }
    }

    void stopWatching() {
      Subscriber s = subscriber;
      if (s != null) {
        s.stopWatching();
      }
    }

    /** Writes (or drops) the body, counting bytes, hashing, and watching for stalls. */
    private final class Subscriber implements HttpResponse.BodySubscriber<Download> {
      private final CompletableFuture<Download> result = new CompletableFuture<>();
      private final Path file;
      private final long limit;
      private final FetchException refusal;
      private final MessageDigest digest;
      private FileChannel channel;
      private Flow.Subscription subscription;
      private long count;
      private volatile long lastActivity = System.nanoTime();
      private ScheduledFuture<?> watch;

      Subscriber(Path file, long limit, FetchException refusal) {
        this.file = file;
        this.limit = limit;
        this.refusal = refusal;
        try {
          this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
      }

      @Override
      public CompletionStage<Download> getBody() {
        return result;
      }

      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (refusal != null) {
          s.cancel();
          result.completeExceptionally(refusal);
          return;
        }
        if (file != null) {
          try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
          } catch (IOException e) {
            s.cancel();
            result.completeExceptionally(new FetchException(FetchException.Kind.OTHER, "cannot write " + file + ": "
                + e.getMessage(), e));
            return;
          }
        }
        long period = Math.max(20, Math.min(readTimeout.toMillis() / 4, 1000));
        watch = watchdog.scheduleAtFixedRate(this::checkStall, period, period, TimeUnit.MILLISECONDS);
        s.request(1);
      }

      private void checkStall() {
        if (System.nanoTime() - lastActivity > readTimeout.toNanos()) {
          abort(new FetchException(FetchException.Kind.TIMEOUT, "no data from " + Urls.redact(uri.toString()) + " for "
              + seconds(readTimeout) + " (read timeout)"));
        }
      }

      @Override
      public synchronized void onNext(List<ByteBuffer> buffers) {
        lastActivity = System.nanoTime();
        if (result.isDone()) {
          return;
        }
        try {
          for (ByteBuffer b : buffers) {
            count += b.remaining();
            if (count > limit) {
              if (file == null) {
                // an error page that does not stop: we have read enough of it
                finish(null);
                return;
              }
              abort(new FetchException(FetchException.Kind.TOO_LARGE, Urls.redact(uri.toString()) + " sent more than the limit of "
                  + limit + " bytes"));
              return;
            }
            if (channel != null) {
              digest.update(b.duplicate());
              while (b.hasRemaining()) {
                channel.write(b);
              }
            }
          }
        } catch (IOException e) {
          abort(new FetchException(FetchException.Kind.OTHER, "cannot write " + file + ": " + e.getMessage()));
          return;
        }
        subscription.request(1);
      }

      @Override
      public synchronized void onError(Throwable t) {
        stopWatching();
        closeChannel();
        result.completeExceptionally(t);
      }

      @Override
      public synchronized void onComplete() {
        finish(null);
      }

      private void finish(Throwable failure) {
        stopWatching();
        closeChannel();
        if (failure != null) {
          result.completeExceptionally(failure);
        } else if (file == null) {
          if (count > limit) {
            subscription.cancel();
          }
          result.complete(new Download(count, null, uri));
        } else {
          result.complete(new Download(count, HexFormat.of().formatHex(digest.digest()), uri));
        }
      }

      synchronized void abort(FetchException e) {
        if (result.isDone()) {
          return;
        }
        Flow.Subscription s = subscription;
        if (s != null) {
          s.cancel();
        }
        finish(e);
      }

      void stopWatching() {
        ScheduledFuture<?> w = watch;
        if (w != null) {
          w.cancel(false);
        }
      }

      private void closeChannel() {
        FileChannel c = channel;
        channel = null;
        if (c != null) {
          try {
            c.close();
          } catch (IOException e) {
            // the download has already succeeded or failed; a failed close loses nothing
          }
        }
      }
    }
  }
}
