package org.civicequity.validate.internal.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.civicequity.core.io.Feed;
import org.civicequity.core.io.FeedLimits;
import org.civicequity.validate.UnreadableInputException;

/**
 * A zipped feed, extracted with bounds into a temporary directory that {@link #close()}
 * deletes. Refuses archives with unsafe entry names ({@code ..}, absolute paths), too many
 * entries, too many bytes, or a compression ratio that only a zip bomb has. Sizes are counted
 * while extracting, never taken from the archive's headers.
 */
final class ZipFeed implements AutoCloseable {
  /** The same bounds as the SDK's {@link Feed} reader, so both refuse the same archives. */
  private static final FeedLimits LIMITS = FeedLimits.defaults();

  private final Path dir;
  private final Path root;

  private ZipFeed(Path dir, Path root) {
    this.dir = dir;
    this.root = root;
  }

  /** @return the feed's folder inside the extraction */
  Path root() {
    return root;
  }

  static ZipFeed extract(Path zip) throws IOException {
    Path dir = Files.createTempDirectory("civic-equity-zip-");
    try {
      extractInto(zip, dir);
      return new ZipFeed(dir, findRoot(dir));
    } catch (IOException | RuntimeException e) {
      delete(dir);
      throw e;
    }
  }

  private static void extractInto(Path zip, Path dir) throws IOException {
    ZipFile zf;
    try {
      zf = new ZipFile(zip.toFile());
    } catch (ZipException e) {
      throw new UnreadableInputException(zip + ": not a valid zip archive (" + e.getMessage() + ")");
    }
    try (zf) {
      if (zf.size() > LIMITS.maxEntries()) {
        throw new UnreadableInputException(zip + ": the archive has " + zf.size()
            + " entries; at most " + LIMITS.maxEntries() + " are accepted");
      }
      long total = 0;
      byte[] buf = new byte[1 << 16];
      Enumeration<? extends ZipEntry> entries = zf.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        String name = e.getName();
        String why = unsafe(name);
        if (why != null) {
          throw new UnreadableInputException(zip + ": the archive entry '" + name + "' " + why
              + "; refusing the archive");
        }
        Path target = dir.resolve(name).normalize();
        if (!target.startsWith(dir)) {
          throw new UnreadableInputException(zip + ": the archive entry '" + name
              + "' points outside the feed; refusing the archive");
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        long compressed = Math.max(e.getCompressedSize(), 1);
        long written = 0;
        try (InputStream in = zf.getInputStream(e); OutputStream out = Files.newOutputStream(target)) {
          int n;
          while ((n = in.read(buf)) > 0) {
            written += n;
            total += n;
            if (written > LIMITS.ratioFloorBytes() && written > compressed * LIMITS.maxRatio()) {
              throw new UnreadableInputException(zip + ": the archive entry '" + name
                  + "' expands more than " + LIMITS.maxRatio() + " times its compressed size"
                  + " (a zip bomb?); refusing the archive");
            }
            if (total > LIMITS.maxTotalBytes()) {
              throw new UnreadableInputException(zip + ": the archive expands to more than "
                  + (LIMITS.maxTotalBytes() >> 20) + " MiB; refusing the archive");
            }
            out.write(buf, 0, n);
          }
        } catch (ZipException ze) {
          throw new UnreadableInputException(zip + ": the archive entry '" + name
              + "' is damaged (" + ze.getMessage() + ")");
        }
      }
    }
  }

  static String unsafe(String name) {
    if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
      return "is an absolute path";
    }
    if (name.indexOf('\\') >= 0) {
      return "contains a backslash";
    }
    for (String seg : name.split("/", -1)) {
      if (seg.equals("..")) {
        return "points outside the feed (a '..' segment)";
      }
    }
    if (name.indexOf('\0') >= 0) {
      return "contains a NUL character";
    }
    return null;
  }

  private static Path findRoot(Path dir) throws IOException {
    if (Files.isRegularFile(dir.resolve(FeedInput.MANIFEST))) {
      return dir;
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> children = s.toList();
      if (children.size() == 1 && Files.isDirectory(children.get(0))) {
        return children.get(0);
      }
    }
    return dir;
  }

  @Override
  public void close() throws IOException {
    delete(dir);
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
