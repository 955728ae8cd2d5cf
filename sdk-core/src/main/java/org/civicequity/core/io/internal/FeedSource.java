package org.civicequity.core.io.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Where a feed's files are: a directory or a zip file. Paths are checked by the caller. */
public interface FeedSource extends Closeable {

  /**
   * Whether a regular file exists at a safe relative path.
   *
   * @param path a checked relative path
   * @return true when it exists
   * @throws IOException if the path leads out of the feed (a symbolic link)
   */
  boolean exists(String path) throws IOException;

  /**
   * The size of a file.
   *
   * @param path a checked relative path
   * @return its size in bytes
   * @throws IOException if it does not exist or cannot be read
   */
  long size(String path) throws IOException;

  /**
   * Opens a file; the stream enforces the feed's size bounds.
   *
   * @param path a checked relative path
   * @return a stream; the caller closes it
   * @throws IOException if it does not exist, leaves the feed or breaks a bound
   */
  InputStream open(String path) throws IOException;

  /**
   * Lists the regular files of the feed.
   *
   * @return relative paths, sorted
   * @throws IOException if the feed cannot be listed
   */
  List<String> files() throws IOException;

  @Override
  void close() throws IOException;
}
