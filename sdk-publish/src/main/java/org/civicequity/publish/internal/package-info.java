/**
 * Implementation of {@code org.civicequity.publish}: table readers, the mapping engine, the feed
 * writer, the catalog and dashboard writers. Not API: it may change in any release.
 */
package org.civicequity.publish.internal;
