package org.civicequity.core;

/**
 * A raw source of a feed's data (Frictionless {@code sources}), e.g. the American Community
 * Survey.
 *
 * @param title   the source's title
 * @param path    a URL of the source, or null
 * @param email   a contact address, or null
 * @param version the source's version or vintage, or null
 */
public record PackageSource(String title, String path, String email, String version) {
}
