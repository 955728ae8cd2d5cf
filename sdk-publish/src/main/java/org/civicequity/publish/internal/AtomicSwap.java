package org.civicequity.publish.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Replaces a feed directory by a new one with atomic renames, so readers see the old feed or
 * the new one, never a mix. The new feed is written into a temporary directory beside the
 * target (same file system); the old feed is renamed aside, the new one renamed into place, and
 * only then is the old one deleted. A failure before the second rename puts the old feed back;
 * a crash between the renames leaves the old feed beside the target, and the next publish puts
 * it back before doing anything else. A lock file beside the target keeps two publishes of the
 * same feed apart.
 */
public final class AtomicSwap implements AutoCloseable {
  private final Path target;
  private final Path parent;
  private final String name;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private Path temp;

  /**
   * Prepares a swap: locks, recovers from an interrupted earlier swap, and creates the
   * temporary directory.
   *
   * @param target the feed directory to create or replace
   * @throws IOException if the target is not a feed directory, is being published by someone
   *     else, or the temporary directory cannot be made
   */
  public AtomicSwap(Path target) throws IOException {
    this.target = target.toAbsolutePath().normalize();
    this.parent = this.target.getParent();
    if (parent == null) {
      throw new IOException("cannot publish into the root directory");
    }
    this.name = this.target.getFileName().toString();
    Files.createDirectories(parent);
    Path lockFile = parent.resolve("." + name + ".lock");
    this.lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      lockChannel.close();
      throw new IOException("another publish of " + this.target + " is running (lock " + lockFile + ")");
    }
    this.lock = l;
    try {
      recover();
      if (Files.exists(this.target, LinkOption.NOFOLLOW_LINKS)) {
        if (!Files.isDirectory(this.target) || !isFeedOrEmpty(this.target)) {
          throw new IOException(this.target + " exists and is not a feed (no datapackage.json): publish only "
              + "creates or replaces feed directories; choose another --out");
        }
      }
      this.temp = Files.createTempDirectory(parent, "." + name + ".tmp-");
      // a temporary directory is private (0700); a published feed is read by web servers and people
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private static boolean isFeedOrEmpty(Path dir) throws IOException {
    if (Files.isRegularFile(dir.resolve("datapackage.json"))) {
      return true;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    }
  }

  /** Puts back a feed left aside by a crash between the renames, and removes stale temporaries. */
  private void recover() throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, "." + name + ".*")) {
      for (Path p : s) {
        String n = p.getFileName().toString();
        if (n.startsWith("." + name + ".previous-") && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
        } else if (n.startsWith("." + name + ".tmp-") || n.startsWith("." + name + ".previous-")) {
          deleteTree(p);
        }
      }
    }
  }

  /** @return the temporary directory to write the new feed into */
  public Path temp() {
    return temp;
  }

  /**
   * Moves the new feed into place.
   *
   * @param faults fault hooks
   * @throws IOException if a rename fails; the old feed is then in place again
   */
  public void commit(PublishFaults faults) throws IOException {
    faults.beforeMove();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      Path backup = Files.createTempDirectory(parent, "." + name + ".previous-");
      Files.delete(backup);
      Files.move(target, backup, StandardCopyOption.ATOMIC_MOVE);
      try {
        faults.betweenMoves();
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException e) {
        Files.move(backup, target, StandardCopyOption.ATOMIC_MOVE);
        throw e;
      }
      temp = null;
      deleteTree(backup);
    } else {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
    }
  }

  /** Deletes the temporary directory if the new feed was not moved in, and releases the lock. */
  @Override
  public void close() throws IOException {
    try {
      if (temp != null) {
        deleteTree(temp);
        temp = null;
      }
    } finally {
      try {
        if (lock != null && lock.isValid()) {
          lock.release();
        }
      } finally {
        lockChannel.close();
        Files.deleteIfExists(parent.resolve("." + name + ".lock"));
      }
    }
  }

  /**
   * Deletes a directory tree without following links.
   *
   * @param root the directory
   * @throws IOException if something cannot be deleted
   */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null) {
          throw exc;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
