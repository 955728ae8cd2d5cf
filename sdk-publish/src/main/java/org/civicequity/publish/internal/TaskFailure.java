package org.civicequity.publish.internal;

import java.io.IOException;
import java.util.concurrent.ExecutionException;

/** The failure of a task run on another thread, as the task threw it. */
public final class TaskFailure {
  private TaskFailure() {
  }

  /**
   * Unwraps a task's failure: an unchecked exception or an error is thrown as it was, an
   * {@link IOException} is returned for the caller to throw, and anything else is thrown wrapped
   * in an {@link IllegalStateException}.
   *
   * @param e what {@code Future.get()} threw
   * @return the task's {@code IOException}
   */
  public static IOException unwrap(ExecutionException e) {
    Throwable c = e.getCause();
    if (c instanceof IOException io) {
      return io;
    }
    if (c instanceof RuntimeException re) {
      throw re;
    }
    if (c instanceof Error err) {
      throw err;
    }
    throw new IllegalStateException(c);
  }
}
