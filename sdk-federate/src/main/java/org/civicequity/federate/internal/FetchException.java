package org.civicequity.federate.internal;

/**
 * A download failed; the message is the reason shown to the user (URLs already redacted).
 */
public final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param reason why the download failed, for the user
   */
  public FetchException(String reason) {
    super(reason);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param reason why the download failed, for the user
   * @param cause  the underlying exception
   */
  public FetchException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
