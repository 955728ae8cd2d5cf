package org.civicequity.publish.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Points where publishing can be made to fail on purpose, so tests can prove that a failure at
 * any step leaves the previous feed as it was. The default does nothing.
 */
public interface PublishFaults {
  /** No faults. */
  PublishFaults NONE = new PublishFaults() { };

  /**
   * Wraps the stream that writes one file of the new feed (e.g. to fail after N bytes).
   *
   * @param file the file name inside the feed
   * @param out  the stream
   * @return the stream to write to
   */
  default OutputStream wrap(String file, OutputStream out) {
    return out;
  }

  /**
   * Called when every file of the new feed is written and checked, just before the move.
   *
   * @throws IOException to simulate a failure (or a crash) before the move
   */
  default void beforeMove() throws IOException {
  }

  /**
   * Called after the previous feed was moved aside and before the new one is moved in.
   *
   * @throws IOException to simulate a failure between the two renames
   */
  default void betweenMoves() throws IOException {
  }
}
