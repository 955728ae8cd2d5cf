package org.civicequity.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.civicequity.core.Geography;
import org.civicequity.core.Indicator;
import org.civicequity.core.Manifest;
import org.civicequity.core.Resource;
import org.civicequity.core.io.internal.DirectorySource;
import org.civicequity.core.io.internal.FeedPaths;
import org.civicequity.core.io.internal.FeedSource;
import org.civicequity.core.io.internal.ZipSource;

/**
 * A feed opened for reading: a directory, a {@code datapackage.json} (its directory is the
 * feed), or a {@code .zip} file of either, read in place.
 *
 * <p>A feed never serves a file outside itself: paths must be relative, without {@code ..},
 * without a scheme (no URLs) and without backslashes; a symbolic link that leads out of the
 * directory is refused; a zip file with an unsafe entry name (zip slip), too many entries, too
 * many bytes or an entry that expands beyond the allowed ratio (zip bomb) is refused, and the
 * bytes inflated while reading are held to the entry's declared size. Every refusal is a
 * {@link FeedException} naming the file and the reason.
 *
 * <pre>{@code
 * try (Feed feed = Feed.open(Path.of("baltimore-feed.zip"))) {
 *   ReadResult<Manifest> manifest = feed.manifest();
 *   for (String path : feed.observationPaths()) {
 *     try (ObservationReader r = feed.observations(path, ReadOptions.defaults())) { ... }
 *   }
 * }
 * }</pre>
 *
 * <p>Not thread-safe; close it to release a zip file.
 */
public final class Feed implements AutoCloseable {
  /** The manifest's file name. */
  public static final String MANIFEST = "datapackage.json";
  /** The default indicators file. */
  public static final String INDICATORS = "indicators.json";
  /** The default geographies file. */
  public static final String GEOGRAPHIES = "geographies.csv";
  /** The default observation files, in the order they are looked for without a manifest. */
  public static final List<String> OBSERVATION_FILES = List.of("observations.csv",
      "observations.ndjson", "observations.json");

  /** What kind of container holds the feed. */
  public enum Kind {
    /** A directory on disk. */
    DIRECTORY,
    /** A zip file, read in place. */
    ZIP
  }

  private final Path location;
  private final Kind kind;
  private final FeedSource source;
  private ReadResult<Manifest> manifest;

  private Feed(Path location, Kind kind, FeedSource source) {
    this.location = location;
    this.kind = kind;
    this.source = source;
  }

  /**
   * Opens a feed with the default bounds.
   *
   * @param path a feed directory, its {@code datapackage.json}, or a {@code .zip} file
   * @return the feed; close it
   * @throws FeedException if the path does not exist, is not a feed, or breaks a bound
   * @throws IOException   if it cannot be read
   */
  public static Feed open(Path path) throws IOException {
    return open(path, FeedLimits.defaults());
  }

  /**
   * Opens a feed.
   *
   * @param path   a feed directory, its {@code datapackage.json}, or a {@code .zip} file
   * @param limits the bounds on entries, bytes and compression ratio
   * @return the feed; close it
   * @throws FeedException if the path does not exist, is not a feed, or breaks a bound
   * @throws IOException   if it cannot be read
   */
  public static Feed open(Path path, FeedLimits limits) throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(limits, "limits");
    if (!Files.exists(path)) {
      throw new FeedException(path.toString(), FeedException.Reason.NOT_FOUND,
          "no such file or directory");
    }
    if (Files.isDirectory(path)) {
      return new Feed(path, Kind.DIRECTORY, new DirectorySource(path, limits));
    }
    String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
    if (name.endsWith(".zip")) {
      return new Feed(path, Kind.ZIP, new ZipSource(path, limits));
    }
    if (name.endsWith(".json") && Files.isRegularFile(path)) {
      Path dir = path.toAbsolutePath().getParent();
      if (!String.valueOf(path.getFileName()).equals(MANIFEST)) {
        throw new FeedException(path.toString(), FeedException.Reason.NOT_A_FEED, "a feed's "
            + "manifest is named " + MANIFEST + "; give that file, the feed directory or a .zip");
      }
      return new Feed(path, Kind.DIRECTORY, new DirectorySource(dir, limits));
    }
    throw new FeedException(path.toString(), FeedException.Reason.NOT_A_FEED, "expected a feed "
        + "directory, a " + MANIFEST + " or a .zip file");
  }

  /**
   * Checks a path as a manifest names a resource.
   *
   * @param path the path
   * @return the path, when it is a safe relative path inside a feed
   * @throws FeedException ({@link FeedException.Reason#UNSAFE_PATH}) otherwise
   */
  public static String checkPath(String path) throws FeedException {
    return FeedPaths.check(path);
  }

  /**
   * Why a path is not a safe resource path, without throwing (for validators).
   *
   * @param path the path
   * @return the reason, or empty when the path is safe
   */
  public static Optional<String> pathProblem(String path) {
    return Optional.ofNullable(FeedPaths.problem(path));
  }

  /** @return the path the feed was opened from */
  public Path location() {
    return location;
  }

  /** @return the kind of container */
  public Kind kind() {
    return kind;
  }

  /**
   * Whether a file exists in the feed.
   *
   * @param path a relative path
   * @return true when a regular file is there
   * @throws FeedException if the path is unsafe or a symbolic link leads out of the feed
   * @throws IOException   if the feed cannot be read
   */
  public boolean exists(String path) throws IOException {
    return source.exists(checkPath(path));
  }

  /**
   * The size of a file of the feed.
   *
   * @param path a relative path
   * @return its size in bytes
   * @throws FeedException if the path is unsafe, leaves the feed, or the file is missing
   * @throws IOException   if the feed cannot be read
   */
  public long size(String path) throws IOException {
    return source.size(checkPath(path));
  }

  /**
   * Opens a file of the feed.
   *
   * @param path a relative path
   * @return a stream; close it
   * @throws FeedException if the path is unsafe, leaves the feed, the file is missing, or (zip)
   *                       it expands beyond its bounds while being read
   * @throws IOException   if the feed cannot be read
   */
  public InputStream open(String path) throws IOException {
    return source.open(checkPath(path));
  }

  /**
   * The bytes of a (small) file of the feed.
   *
   * @param path a relative path
   * @return its content
   * @throws IOException as {@link #open(String)}
   */
  public byte[] bytes(String path) throws IOException {
    try (InputStream in = open(path)) {
      return in.readAllBytes();
    }
  }

  /**
   * The SHA-256 of a file of the feed, for checking a manifest's {@code hash}.
   *
   * @param path a relative path
   * @return 64 lower-case hex digits
   * @throws IOException as {@link #open(String)}
   */
  public String sha256(String path) throws IOException {
    MessageDigest digest = DigestUtils.getSha256Digest();
    // large reads: commons-codec's stream loop reads 1 KiB at a time, a system call each, which
    // cost more than the hashing itself on feeds of hundreds of megabytes
    byte[] buffer = new byte[1 << 18];
    try (InputStream in = open(path)) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return Hex.encodeHexString(digest.digest());
  }

  /**
   * The regular files of the feed.
   *
   * @return relative paths, sorted
   * @throws IOException if the feed cannot be listed, or holds too many files
   */
  public List<String> files() throws IOException {
    return source.files();
  }

  /**
   * Whether the feed has a manifest.
   *
   * @return true when {@code datapackage.json} is there
   * @throws IOException if the feed cannot be read
   */
  public boolean hasManifest() throws IOException {
    return source.exists(MANIFEST);
  }

  /**
   * The manifest, read once.
   *
   * @return the result of reading {@code datapackage.json}
   * @throws FeedException ({@link FeedException.Reason#NOT_FOUND}) when the feed has none
   * @throws IOException   if it cannot be read
   */
  public ReadResult<Manifest> manifest() throws IOException {
    if (manifest == null) {
      manifest = ManifestReader.read(open(MANIFEST), MANIFEST);
    }
    return manifest;
  }

  /**
   * The path of a resource: as the manifest lists it by name, else the default file name.
   *
   * @param name        the resource name, e.g. {@code indicators}
   * @param defaultPath the conventional path, e.g. {@code indicators.json}
   * @return the path (not yet checked)
   * @throws IOException if the manifest cannot be read
   */
  public String resourcePath(String name, String defaultPath) throws IOException {
    if (hasManifest()) {
      Optional<Manifest> m = manifest().value();
      if (m.isPresent()) {
        Optional<Resource> r = m.get().resource(name);
        if (r.isPresent() && r.get().path() != null) {
          return r.get().path();
        }
      }
    }
    return defaultPath;
  }

  /**
   * The indicator definitions: the resource named {@code indicators}, or
   * {@code indicators.json}.
   *
   * @return the result of reading it
   * @throws FeedException if the file is missing or its path unsafe
   * @throws IOException   if it cannot be read
   */
  public ReadResult<List<Indicator>> indicators() throws IOException {
    String path = resourcePath("indicators", INDICATORS);
    return IndicatorsReader.read(open(path), path);
  }

  /**
   * The custom geographies: the resource named {@code geographies}, or
   * {@code geographies.csv}, when the feed has it.
   *
   * @return the result of reading it, or empty when the feed has no geographies file
   * @throws FeedException if the path is unsafe
   * @throws IOException   if it cannot be read
   */
  public Optional<ReadResult<List<Geography>>> geographies() throws IOException {
    String path = resourcePath("geographies", GEOGRAPHIES);
    if (!exists(path)) {
      return Optional.empty();
    }
    return Optional.of(GeographiesReader.read(open(path), path, ReadOptions.defaults()));
  }

  /**
   * The observation files: the manifest's resources named {@code observations} (or whose
   * name starts with {@code observations}), else the first of {@link #OBSERVATION_FILES} that
   * exists.
   *
   * @return relative paths (not yet checked: open them to check)
   * @throws IOException if the manifest cannot be read
   */
  public List<String> observationPaths() throws IOException {
    List<String> out = new ArrayList<>();
    if (hasManifest() && manifest().value().isPresent()) {
      for (Resource r : manifest().value().get().resources()) {
        if (r.name() != null && r.name().startsWith("observations") && r.path() != null) {
          out.add(r.path());
        }
      }
    }
    if (out.isEmpty()) {
      for (String f : OBSERVATION_FILES) {
        if (source.exists(f)) {
          out.add(f);
          break;
        }
      }
    }
    return out;
  }

  /**
   * Opens an observation file of the feed, choosing the format from its extension.
   *
   * @param path    a relative path, e.g. {@code observations.csv}
   * @param options limits and problem listener
   * @return a reader; close it
   * @throws FeedException            if the path is unsafe, leaves the feed or the file is
   *                                  missing
   * @throws IllegalArgumentException if the extension is not .csv, .ndjson, .jsonl or .json
   * @throws IOException              if it cannot be read
   */
  public ObservationReader observations(String path, ReadOptions options) throws IOException {
    ObservationFormat format = ObservationFormat.fromFileName(path).orElseThrow(() ->
        new IllegalArgumentException("cannot tell the format of '" + path + "': expected .csv, "
            + ".ndjson, .jsonl or .json"));
    return ObservationReader.of(open(path), path, format, options);
  }

  /** Releases the feed (a zip file's handle). */
  @Override
  public void close() throws IOException {
    source.close();
  }

  @Override
  public String toString() {
    return "Feed[" + location + ", " + kind + "]";
  }
}
