package org.civicequity.federate;

/**
 * A federation operation could not be carried out: an unreadable or invalid registry, a store
 * that cannot be opened or written, an output directory that cannot be written. The message is
 * meant for the user and names the file (and, where it applies, the JSON pointer or line).
 */
public class FederationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, located
   */
  public FederationException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, located
   * @param cause   the underlying exception
   */
  public FederationException(String message, Throwable cause) {
    super(message, cause);
  }
}
