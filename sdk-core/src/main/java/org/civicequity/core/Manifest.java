package org.civicequity.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.civicequity.core.internal.JsonValues;

/**
 * A feed's manifest, {@code datapackage.json}: a Frictionless Data Package v2 whose
 * {@code civicEquity} member holds the standard's own fields. Readers fill in what is present
 * and of the right type; the JSON Schema ({@code datapackage.schema.json}) judges the rest.
 *
 * @param profile      the {@code $schema} profile URL, or null
 * @param name         the package name, or null
 * @param id           a globally unique id, or null
 * @param title        a human title, or null
 * @param description  what the feed holds, or null
 * @param homepage     the feed's home page, or null
 * @param version      the feed's version, or null
 * @param created      when the manifest was created (RFC 3339 text), or null
 * @param keywords     keywords (never null)
 * @param contributors contributors (never null)
 * @param licenses     licences (never null)
 * @param sources      raw sources (never null)
 * @param resources    the files of the feed (never null)
 * @param civicEquity  the standard's members, or null when absent
 * @param other        {@code x-} and other members not modelled here, as plain JSON values
 *                     (never null)
 * @param location     where the manifest was read
 */
public record Manifest(String profile, String name, String id, String title, String description,
    String homepage, String version, String created, List<String> keywords,
    List<Contributor> contributors, List<License> licenses, List<PackageSource> sources,
    List<Resource> resources, CivicEquityInfo civicEquity, Map<String, Object> other,
    SourceLocation location) {

  /** The profile URL of this standard's manifest schema. */
  public static final String PROFILE = StandardSchemas.ID_PREFIX + "datapackage.schema.json";

  /** Copies the collections and checks the location. */
  public Manifest {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    contributors = contributors == null ? List.of() : List.copyOf(contributors);
    licenses = licenses == null ? List.of() : List.copyOf(licenses);
    sources = sources == null ? List.of() : List.copyOf(sources);
    resources = resources == null ? List.of() : List.copyOf(resources);
    other = JsonValues.copyMap(other);
    Objects.requireNonNull(location, "location");
  }

  /**
   * A resource by name.
   *
   * @param resourceName the resource name, e.g. {@code observations}
   * @return the first resource with that name
   */
  public Optional<Resource> resource(String resourceName) {
    return resources.stream().filter(r -> resourceName.equals(r.name())).findFirst();
  }

  /**
   * The same manifest with other resources (as a publisher sets checksums).
   *
   * @param newResources the resources
   * @return a new manifest
   */
  public Manifest withResources(List<Resource> newResources) {
    return new Manifest(profile, name, id, title, description, homepage, version, created,
        keywords, contributors, licenses, sources, newResources, civicEquity, other, location);
  }
}
