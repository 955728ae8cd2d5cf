package org.civicequity.validate;

import java.io.IOException;

/**
 * The input could not be read at all: it does not exist, is of a kind the validator does not
 * know, or is a damaged or unsafe archive. Problems inside a readable input are findings instead.
 * The message is one line a user can act on.
 */
public final class UnreadableInputException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the input and what is wrong with it
   */
  public UnreadableInputException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message one line naming the input and what is wrong with it
   * @param cause   the underlying failure
   */
  public UnreadableInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
