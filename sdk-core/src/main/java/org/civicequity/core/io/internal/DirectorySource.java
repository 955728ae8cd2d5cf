package org.civicequity.core.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.civicequity.core.io.FeedException;
import org.civicequity.core.io.FeedLimits;

/**
 * A feed in a directory. Every file is resolved against the directory's real path and its own
 * real path must stay inside, so a symbolic link that leads out of the feed is refused; links
 * that stay inside are followed.
 */
public final class DirectorySource implements FeedSource {
  private final Path root;
  private final Path realRoot;
  private final FeedLimits limits;

  /**
   * Opens a directory.
   *
   * @param root   the feed directory
   * @param limits the bounds (number of files when listing)
   * @throws IOException if the directory cannot be resolved
   */
  public DirectorySource(Path root, FeedLimits limits) throws IOException {
    this.root = root;
    this.realRoot = root.toRealPath();
    this.limits = limits;
  }

  private Path resolve(String path) throws IOException {
    Path p = realRoot.resolve(path).normalize();
    if (!p.startsWith(realRoot)) {
      throw new FeedException(path, FeedException.Reason.UNSAFE_PATH,
          "the path leaves the feed directory");
    }
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return p;
    }
    Path real;
    try {
      real = p.toRealPath();
    } catch (NoSuchFileException e) {
      throw new FeedException(path, FeedException.Reason.SYMLINK_ESCAPE,
          "a symbolic link on the way to this file is broken", e);
    }
    if (!real.startsWith(realRoot)) {
      throw new FeedException(path, FeedException.Reason.SYMLINK_ESCAPE,
          "a symbolic link leads out of the feed directory (to " + real + "); copy the file "
          + "into the feed instead");
    }
    return real;
  }

  @Override
  public boolean exists(String path) throws IOException {
    return Files.isRegularFile(resolve(path));
  }

  @Override
  public long size(String path) throws IOException {
    Path p = resolve(path);
    if (!Files.isRegularFile(p)) {
      throw new FeedException(path, FeedException.Reason.NOT_FOUND, "no such file in the feed");
    }
    return Files.size(p);
  }

  @Override
  public InputStream open(String path) throws IOException {
    Path p = resolve(path);
    if (!Files.isRegularFile(p)) {
      throw new FeedException(path, FeedException.Reason.NOT_FOUND, "no such file in the feed");
    }
    return Files.newInputStream(p);
  }

  @Override
  public List<String> files() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(realRoot, 16, EnumSet.noneOf(FileVisitOption.class)
        .toArray(new FileVisitOption[0]))) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (p.equals(realRoot)) {
          continue;
        }
        if (out.size() >= limits.maxEntries()) {
          throw new FeedException(root.toString(), FeedException.Reason.TOO_MANY_FILES,
              "the feed holds more than " + limits.maxEntries() + " files");
        }
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
            || Files.isSymbolicLink(p)) {
          out.add(realRoot.relativize(p).toString().replace('\\', '/'));
        }
      }
    }
    Collections.sort(out);
    return out;
  }

  @Override
  public void close() {
    // nothing held open
  }
}
