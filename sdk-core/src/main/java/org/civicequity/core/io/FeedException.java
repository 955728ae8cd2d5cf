package org.civicequity.core.io;

import java.io.IOException;
import java.util.Objects;

/**
 * A feed cannot be opened, or one of its files cannot be served, for a stated reason: the path
 * is unsafe, a symbolic link leads out of the feed, the zip file breaks a bound, a file is
 * missing. The message names the file and the reason in words a user can act on.
 */
public final class FeedException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why a feed or a file of it was refused. */
  public enum Reason {
    /** The feed path or a file of the feed does not exist. */
    NOT_FOUND,
    /** The path is neither a directory, a {@code datapackage.json} nor a {@code .zip} file. */
    NOT_A_FEED,
    /** A path is absolute, has {@code ..}, names a URL, or has characters a path may not have. */
    UNSAFE_PATH,
    /** A symbolic link leads out of the feed directory. */
    SYMLINK_ESCAPE,
    /** A zip entry's name would leave the feed (zip slip). */
    ZIP_UNSAFE_ENTRY,
    /** The zip file has more entries than allowed. */
    ZIP_TOO_MANY_ENTRIES,
    /** The zip file's content is larger than allowed. */
    ZIP_TOO_LARGE,
    /** A zip entry expands more than the allowed compression ratio (a zip bomb). */
    ZIP_RATIO,
    /** The file is not a readable zip file. */
    ZIP_INVALID,
    /** The feed holds more files than allowed, or nests them too deeply. */
    TOO_MANY_FILES
  }

  private final String file;
  private final Reason reason;

  /**
   * Creates an exception.
   *
   * @param file    the file concerned, as the user knows it
   * @param reason  the reason
   * @param message what is wrong and, where useful, what to do
   */
  public FeedException(String file, Reason reason, String message) {
    super(file + ": " + message);
    this.file = Objects.requireNonNull(file, "file");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Creates an exception with a cause.
   *
   * @param file    the file concerned
   * @param reason  the reason
   * @param message what is wrong
   * @param cause   the underlying error
   */
  public FeedException(String file, Reason reason, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = Objects.requireNonNull(file, "file");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** @return the file concerned */
  public String file() {
    return file;
  }

  /** @return why it was refused */
  public Reason reason() {
    return reason;
  }
}
