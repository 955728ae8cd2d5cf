package org.civicequity.federate.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.civicequity.core.io.Feed;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings a remote feed to the local disk: a {@code .zip} URL as one file; a
 * {@code datapackage.json} URL or a feed directory URL as a directory holding the manifest, the
 * files its resources name (only safe relative paths) and the conventional files the manifest
 * may leave out. Every file counts against the member's byte cap and deadline.
 */
public final class RemoteFeed {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private RemoteFeed() {
  }

  /**
   * The local copy.
   *
   * @param path   the zip file or the feed directory
   * @param sha256 the SHA-256 of the zip, or of the datapackage.json
   * @param bytes  all bytes downloaded
   */
  public record Local(Path path, String sha256, long bytes) {
  }

  /** Receives progress lines. */
  @FunctionalInterface
  public interface Log {
    /**
     * One line.
     *
     * @param event   the step
     * @param message what happened
     */
    void line(String event, String message);
  }

  /**
   * Downloads a remote feed.
   *
   * @param url      the member's location
   * @param work     an empty working directory
   * @param fetcher  the fetcher
   * @param maxBytes the member's byte cap
   * @param deadline the member's deadline
   * @param log      progress lines
   * @return the local copy
   * @throws FetchException with the reason the member is skipped
   */
  public static Local fetch(URI url, Path work, HttpFetcher fetcher, long maxBytes,
      Instant deadline, Log log) throws FetchException {
    String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
    if (path.endsWith(".zip")) {
      Path zip = work.resolve("feed.zip");
      HttpFetcher.Download d = fetcher.download(url, zip, maxBytes, deadline, false);
      log.line("fetch", Urls.redact(url.toString()) + ": " + d.bytes() + " bytes");
      return new Local(zip, d.sha256(), d.bytes());
    }
    URI manifestUrl;
    if (path.endsWith(".json")) {
      manifestUrl = url;
    } else {
      String s = url.toString();
      int q = s.indexOf('?');
      String head = q < 0 ? s : s.substring(0, q);
      String query = q < 0 ? "" : s.substring(q);
      manifestUrl = URI.create((head.endsWith("/") ? head : head + "/") + Feed.MANIFEST + query);
    }
    Path dir = work.resolve("feed");
    Path manifest = dir.resolve(Feed.MANIFEST);
    HttpFetcher.Download md = fetcher.download(manifestUrl, manifest, maxBytes, deadline, false);
    long used = md.bytes();
    log.line("fetch", Urls.redact(manifestUrl.toString()) + ": " + md.bytes() + " bytes");

    // Resource paths of the manifest (if it parses; if not, the validator will say why), then
    // the conventional files, which are optional when the manifest does not name them.
    Map<String, Boolean> files = new LinkedHashMap<>();
    try {
      JsonNode root = MAPPER.readTree(manifest.toFile());
      JsonNode resources = root == null ? null : root.get("resources");
      if (resources != null && resources.isArray()) {
        for (JsonNode r : resources) {
          JsonNode p = r.get("path");
          if (p != null && p.isString()) {
            files.put(p.asString(), false);
          } else if (p != null && p.isArray()) {
            p.forEach(e -> files.put(e.asString(), false));
          }
        }
      }
    } catch (JacksonException e) {
      log.line("fetch", "datapackage.json is not valid JSON; fetching the conventional files only");
    }
    files.putIfAbsent(Feed.INDICATORS, true);
    files.putIfAbsent(Feed.GEOGRAPHIES, true);
    for (String f : Feed.OBSERVATION_FILES) {
      files.putIfAbsent(f, true);
    }
    for (Map.Entry<String, Boolean> e : files.entrySet()) {
      String rel = e.getKey();
      Optional<String> problem = Feed.pathProblem(rel);
      if (problem.isPresent()) {
        log.line("fetch", "not fetching resource path '" + rel + "': " + problem.get());
        continue;
      }
      Path target = dir.resolve(rel).normalize();
      if (!target.startsWith(dir)) {
        log.line("fetch", "not fetching resource path '" + rel + "': it leaves the feed");
        continue;
      }
      URI fileUrl = manifestUrl.resolve(encodePath(rel));
      long remaining = maxBytes - used;
      if (remaining <= 0) {
        throw new FetchException(FetchException.Kind.TOO_LARGE,
            "the feed is larger than the limit of " + maxBytes + " bytes");
      }
      HttpFetcher.Download d;
      try {
        d = fetcher.download(fileUrl, target, remaining, deadline, e.getValue());
      } catch (FetchException ex) {
        if (ex.kind() == FetchException.Kind.TOO_LARGE) {
          throw new FetchException(FetchException.Kind.TOO_LARGE,
              "the feed is larger than the limit of " + maxBytes
              + " bytes (at " + rel + ")", ex);
        }
        throw ex;
      }
      if (d != null) {
        used += d.bytes();
        log.line("fetch", Urls.redact(fileUrl.toString()) + ": " + d.bytes() + " bytes");
      }
    }
    return new Local(dir, md.sha256(), used);
  }

  /** Percent-encodes what a relative path may hold but a URI may not (spaces, non-ASCII). */
  private static String encodePath(String rel) {
    StringBuilder sb = new StringBuilder();
    for (byte b : rel.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~/".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }

  /**
   * Deletes a working directory and everything in it.
   *
   * @param dir the directory
   * @throws IOException if a file cannot be deleted
   */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
