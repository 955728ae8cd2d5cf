package org.civicequity.core;

import java.util.List;

/**
 * A contributor to a feed (Frictionless {@code contributors}).
 *
 * @param title        the name of the person or organisation
 * @param givenName    a given name, or null
 * @param familyName   a family name, or null
 * @param path         a web page, or null
 * @param email        an e-mail address, or null
 * @param organization the organisation, or null
 * @param roles        roles such as {@code creator}, {@code publisher} (never null)
 */
public record Contributor(String title, String givenName, String familyName, String path,
    String email, String organization, List<String> roles) {

  /** Copies the roles. */
  public Contributor {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }
}
