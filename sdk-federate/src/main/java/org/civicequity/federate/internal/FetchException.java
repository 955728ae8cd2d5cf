package org.civicequity.federate.internal;

/**
 * A download failed; the message is the reason shown to the user (URLs already redacted).
 */
public final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What kind of failure it was. */
  public enum Kind {
    /** The body, or its announced length, passed the byte cap. */
    TOO_LARGE,
    /** A connect, read or member timeout. */
    TIMEOUT,
    /** The host could not be reached. */
    UNREACHABLE,
    /** The server answered with an error status. */
    HTTP_STATUS,
    /** A redirect that is not followed. */
    REDIRECT,
    /** Anything else (a local file that cannot be written, a protocol error). */
    OTHER
  }

  private final Kind kind;

  /**
   * Creates the exception.
   *
   * @param kind   the kind of failure
   * @param reason why the download failed, for the user
   */
  public FetchException(Kind kind, String reason) {
    super(reason);
    this.kind = kind;
  }

  /**
   * Creates the exception with a cause.
   *
   * @param kind   the kind of failure
   * @param reason why the download failed, for the user
   * @param cause  the underlying exception
   */
  public FetchException(Kind kind, String reason, Throwable cause) {
    super(reason, cause);
    this.kind = kind;
  }

  /** @return the kind of failure */
  public Kind kind() {
    return kind;
  }
}
