package org.civicequity.validate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.civicequity.core.Codelist;
import org.civicequity.core.Geography;
import org.civicequity.core.Indicator;

/**
 * What a validation run knows about the feed besides its observations: indicator definitions,
 * custom geographies, the codelists of the standard, and what the manifest declares. Java users
 * who validate observations in memory build one with {@link #builder()}.
 *
 * @param input               a display name of the input (a path, or {@code (memory)})
 * @param hasManifest         true when the input is a feed with a {@code datapackage.json}
 * @param standardVersion     the standard version the manifest declares, or null
 * @param indicators          the indicator definitions (a feed's {@code indicators.json}, or
 *                            the core catalogue for a bare observations file)
 * @param geographies         the custom geographies of {@code geographies.csv}
 * @param codelists           the codelists by id
 * @param jurisdictionGeoLevel the geography level of the publisher's jurisdiction, or null
 * @param jurisdictionGeoId   the GEOID of the publisher's jurisdiction, or null
 * @param suppressionMinimum  the smallest count the suppression policy allows to be published
 *                            (counts below it must be suppressed), or null when there is no policy
 * @param extensions          the {@code x-} extensions the manifest declares
 * @param resources           the resources the manifest lists, as checked when the feed was opened
 */
public record FeedContext(String input, boolean hasManifest, String standardVersion,
    List<Indicator> indicators, List<Geography> geographies, Map<String, Codelist> codelists,
    String jurisdictionGeoLevel, String jurisdictionGeoId, Double suppressionMinimum,
    Set<String> extensions, List<ResourceEntry> resources) {

  /** Checks and copies. */
  public FeedContext {
    Objects.requireNonNull(input, "input");
    indicators = List.copyOf(indicators);
    geographies = List.copyOf(geographies);
    codelists = Map.copyOf(codelists);
    extensions = extensions == null ? Set.of() : Set.copyOf(extensions);
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  /**
   * The context of observations checked against the standard alone: the core indicator catalogue
   * and the standard's codelists, no manifest. What a bare observations file is validated
   * against; a good start for observations made in code.
   *
   * @return the context
   */
  public static FeedContext standard() {
    return builder().indicators(org.civicequity.core.Catalogue.core().indicators())
        .codelists(org.civicequity.core.Codelists.standard().asMap()).build();
  }

  /**
   * A builder for a context made in code.
   *
   * @return a new builder with no indicators, geographies, codelists or manifest
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A mutable builder of {@link FeedContext}; not thread-safe. */
  public static final class Builder {
    private String input = "(memory)";
    private boolean hasManifest;
    private String standardVersion;
    private List<Indicator> indicators = List.of();
    private List<Geography> geographies = List.of();
    private Map<String, Codelist> codelists = Map.of();
    private String jurisdictionGeoLevel;
    private String jurisdictionGeoId;
    private Double suppressionMinimum;
    private Set<String> extensions = Set.of();
    private List<ResourceEntry> resources = List.of();

    private Builder() {
    }

    /** @param v the display name of the input @return this builder */
    public Builder input(String v) { input = Objects.requireNonNull(v, "input"); return this; }
    /** @param v whether a manifest was read @return this builder */
    public Builder hasManifest(boolean v) { hasManifest = v; return this; }
    /** @param v the declared standard version @return this builder */
    public Builder standardVersion(String v) { standardVersion = v; return this; }
    /** @param v the indicator definitions @return this builder */
    public Builder indicators(List<Indicator> v) { indicators = List.copyOf(v); return this; }
    /** @param v the custom geographies @return this builder */
    public Builder geographies(List<Geography> v) { geographies = List.copyOf(v); return this; }
    /** @param v the codelists by id @return this builder */
    public Builder codelists(Map<String, Codelist> v) { codelists = Map.copyOf(v); return this; }
    /**
     * Sets the publisher's jurisdiction.
     *
     * @param geoLevel the geography level, e.g. {@code county}
     * @param geoId    the GEOID, e.g. {@code 24510}
     * @return this builder
     */
    public Builder jurisdiction(String geoLevel, String geoId) {
      jurisdictionGeoLevel = geoLevel;
      jurisdictionGeoId = geoId;
      return this;
    }
    /** @param v the smallest publishable count, or null @return this builder */
    public Builder suppressionMinimum(Double v) { suppressionMinimum = v; return this; }
    /** @param v the declared extensions @return this builder */
    public Builder extensions(Set<String> v) { extensions = Set.copyOf(v); return this; }
    /** @param v the manifest's resources @return this builder */
    public Builder resources(List<ResourceEntry> v) { resources = List.copyOf(v); return this; }

    /**
     * Builds the context.
     *
     * @return a new immutable context
     */
    public FeedContext build() {
      return new FeedContext(input, hasManifest, standardVersion, indicators, geographies,
          codelists, jurisdictionGeoLevel, jurisdictionGeoId, suppressionMinimum, extensions,
          resources);
    }
  }
}
