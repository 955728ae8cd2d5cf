package org.civicequity.publish.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicequity.core.Indicator;
import org.civicequity.core.License;
import org.civicequity.core.Manifest;
import org.civicequity.core.Publisher;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a feed's {@code data.json}: a DCAT-US 1.1 (Project Open Data) catalog with one
 * dataset, as the data.gov harvester reads non-federal catalogs. Download links need the feed's
 * public address (its {@code homepage}, or {@code --base-url}); without it the dataset is listed
 * without distributions.
 */
public final class Dcat {
  private static final Map<String, String> LICENSES = Map.of(
      "CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/",
      "CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/",
      "CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/",
      "ODbL-1.0", "https://opendatacommons.org/licenses/odbl/1-0/",
      "PDDL-1.0", "https://opendatacommons.org/licenses/pddl/1-0/",
      "ODC-By-1.0", "https://opendatacommons.org/licenses/by/1-0/",
      "CC-BY-3.0", "https://creativecommons.org/licenses/by/3.0/");

  /**
   * The address part of DCAT-US 1.1 {@code contactPoint.hasEmail}: the pattern of the official
   * schema ({@code ^mailto:[\w\_\~\!\$\&\'\(\)\*\+\,\;\=\:.-]+@[\w.-]+\.[\w.-]+?$}) without
   * {@code mailto:}, with ASCII word characters.
   */
  static final java.util.regex.Pattern EMAIL =
      java.util.regex.Pattern.compile("[A-Za-z0-9_~!$&'()*+,;=:.-]+@[A-Za-z0-9_.-]+\\.[A-Za-z0-9_.-]+");
  /** DCAT-US 1.1 limits of {@code description}, {@code keyword} items and their count. */
  static final int MAX_DESCRIPTION = 10_000;
  static final int MAX_KEYWORD = 1_000;
  static final int MAX_KEYWORDS = 1_000;

  private Dcat() {
  }

  /**
   * What data.json needs that the manifest may lack.
   *
   * @param m the manifest
   * @return problems, empty when the catalog can be written
   */
  public static List<String> missing(Manifest m) {
    return missing(m == null || m.civicEquity() == null ? null : m.civicEquity().publisher());
  }

  /**
   * What a publisher lacks for the catalog (the same lines as {@link #missing(Manifest)}).
   *
   * @param p the publisher, or null
   * @return one line per missing member; empty when complete
   */
  public static List<String> missing(Publisher p) {
    List<String> out = new java.util.ArrayList<>();
    if (p == null || p.name() == null || p.name().isBlank()) {
      out.add("datapackage.json needs civicEquity.publisher.name (the DCAT-US catalog's publisher and contact)");
    }
    if (p == null || p.email() == null || p.email().isBlank()) {
      out.add("datapackage.json needs civicEquity.publisher.email, a contact address (the DCAT-US catalog requires "
          + "contactPoint.hasEmail)");
    } else if (!EMAIL.matcher(p.email()).matches()) {
      out.add("datapackage.json: civicEquity.publisher.email '" + p.email() + "' is not an address the DCAT-US "
          + "catalog accepts (contactPoint.hasEmail: letters, digits and _~!$&'()*+,;=:.- before the @, a domain "
          + "with a dot after it)");
    }
    return out;
  }

  /**
   * Builds the catalog.
   *
   * @param m          the feed's manifest
   * @param indicators its indicators
   * @param firstYear  the first year the observations cover, or null
   * @param lastYear   the last year, or null
   * @param issued     the issue date (YYYY-MM-DD)
   * @param baseUrl    the feed's public address ending with /, or null
   * @return the catalog
   */
  public static ObjectNode build(Manifest m, List<Indicator> indicators, Integer firstYear, Integer lastYear,
      String issued, String baseUrl) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("@context", "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld");
    root.put("@type", "dcat:Catalog");
    root.put("conformsTo", "https://project-open-data.cio.gov/v1.1/schema");
    root.put("describedBy", "https://project-open-data.cio.gov/v1.1/schema/catalog.json");
    ArrayNode datasets = root.putArray("dataset");
    ObjectNode d = datasets.addObject();
    Publisher p = m.civicEquity().publisher();
    d.put("@type", "dcat:Dataset");
    d.put("title", m.title() == null ? m.name() : m.title());
    d.put("description", shorten(m.description() == null || m.description().isBlank() ? m.title()
        : m.description(), MAX_DESCRIPTION));
    ArrayNode kw = d.putArray("keyword");
    Set<String> keywords = new LinkedHashSet<>();
    for (String k : m.keywords()) {
      // DCAT-US: 1 to 1,000 keywords of 1 to 1,000 characters; blank ones are dropped
      if (k != null && !k.isBlank() && keywords.size() < MAX_KEYWORDS) {
        keywords.add(shorten(k.strip(), MAX_KEYWORD));
      }
    }
    if (keywords.isEmpty()) {
      keywords.add("civic equity");
    }
    keywords.forEach(kw::add);
    d.put("modified", issued);
    ObjectNode pub = d.putObject("publisher");
    pub.put("@type", "org:Organization");
    pub.put("name", p.name());
    ObjectNode contact = d.putObject("contactPoint");
    contact.put("@type", "vcard:Contact");
    contact.put("fn", p.name());
    contact.put("hasEmail", "mailto:" + p.email());
    String identifier = m.id() != null ? m.id() : baseUrl != null ? baseUrl + "datapackage.json" : m.name();
    d.put("identifier", identifier);
    d.put("accessLevel", "public");
    String license = license(m.licenses());
    if (license != null) {
      d.put("license", license);
    }
    if (p.jurisdiction() != null && p.jurisdiction().name() != null) {
      d.put("spatial", p.jurisdiction().name());
    }
    if (firstYear != null && lastYear != null) {
      d.put("temporal", firstYear + "-01-01/" + lastYear + "-12-31");
    }
    Set<String> themes = new java.util.TreeSet<>();
    indicators.stream().map(Indicator::domain).filter(x -> x != null).forEach(themes::add);
    if (!themes.isEmpty()) {
      ArrayNode theme = d.putArray("theme");
      themes.forEach(theme::add);
    }
    d.put("conformsTo", "https://civicequity.org/schema/1.0/datapackage.schema.json");
    if (baseUrl != null) {
      d.put("landingPage", baseUrl + "index.html");
      d.put("describedBy", baseUrl + "datapackage.json");
      d.put("describedByType", "application/json");
      ArrayNode dist = d.putArray("distribution");
      distribution(dist, baseUrl + "observations.csv", "text/csv", "CSV", "Observations (CSV)");
      distribution(dist, baseUrl + "observations.ndjson", "application/x-ndjson", "NDJSON", "Observations (NDJSON)");
      distribution(dist, baseUrl + "indicators.json", "application/json", "JSON", "Indicator definitions");
      distribution(dist, baseUrl + "datapackage.json", "application/json", "JSON",
          "Frictionless Data Package manifest");
    } else if (m.homepage() != null) {
      d.put("landingPage", m.homepage());
    }
    return root;
  }

  /** The text cut to at most {@code max} characters, ending with an ellipsis when cut. */
  static String shorten(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isLowSurrogate(text.charAt(end))) {
      end--;
    }
    return text.substring(0, end) + "\u2026";
  }

  private static void distribution(ArrayNode dist, String url, String mediaType, String format, String title) {
    ObjectNode o = dist.addObject();
    o.put("@type", "dcat:Distribution");
    o.put("downloadURL", url);
    o.put("mediaType", mediaType);
    o.put("format", format);
    o.put("title", title);
  }

  private static String license(List<License> licenses) {
    for (License l : licenses) {
      if (l.path() != null && l.path().matches("https?://\\S+")) {
        return l.path();
      }
      if (l.name() != null && LICENSES.containsKey(l.name())) {
        return LICENSES.get(l.name());
      }
    }
    return null;
  }
}
