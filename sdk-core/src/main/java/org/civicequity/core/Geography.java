package org.civicequity.core;

import java.util.List;
import java.util.Objects;

/**
 * A custom geography declared in a feed's {@code geographies.csv}, such as one of Baltimore's
 * Community Statistical Areas, with the census tracts it is made of.
 *
 * @param geoId       the custom id used in observations' {@code geoId} (geoLevel {@code custom})
 * @param geoName     the name of the area
 * @param parentGeoId the GEOID of the area it lies in (e.g. the county {@code 24510}), or null
 * @param tracts      the 11-digit census tract GEOIDs the area is made of (may be empty)
 * @param location    where the row was read; never null
 */
public record Geography(String geoId, String geoName, String parentGeoId, List<String> tracts,
    SourceLocation location) {

  /** Copies the tract list and checks the required parts. */
  public Geography {
    Objects.requireNonNull(geoId, "geoId");
    tracts = tracts == null ? List.of() : List.copyOf(tracts);
    Objects.requireNonNull(location, "location");
  }
}
