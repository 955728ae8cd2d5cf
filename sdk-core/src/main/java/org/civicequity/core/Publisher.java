package org.civicequity.core;

/**
 * Who publishes a feed ({@code civicEquity.publisher} of the manifest).
 *
 * @param name         the publisher's name
 * @param url          its web site (http or https), or null
 * @param email        a contact e-mail address, or null
 * @param jurisdiction the area it speaks for, or null
 */
public record Publisher(String name, String url, String email, Jurisdiction jurisdiction) {
}
