package org.civicequity.core;

/**
 * A licence of a feed or resource (Frictionless {@code licenses}).
 *
 * @param name  the SPDX identifier, e.g. {@code CC-BY-4.0}
 * @param path  the licence text's URL or a path in the feed, or null
 * @param title a human title, or null
 */
public record License(String name, String path, String title) {
}
