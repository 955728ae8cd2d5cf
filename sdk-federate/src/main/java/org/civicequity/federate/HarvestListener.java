package org.civicequity.federate;

/**
 * Told what a harvest does, as it does it (a command line prints it on stderr). The same lines go
 * to the store's {@code harvest_log} table. Messages never contain credentials.
 */
@FunctionalInterface
public interface HarvestListener {
  /** A listener that ignores everything. */
  HarvestListener NONE = (member, event, message) -> { };

  /**
   * One step of the harvest.
   *
   * @param member  the member id
   * @param event   {@code fetch}, {@code verify}, {@code validate}, {@code load}, {@code skip} or
   *                {@code done}
   * @param message what happened, for people
   */
  void event(String member, String event, String message);
}
