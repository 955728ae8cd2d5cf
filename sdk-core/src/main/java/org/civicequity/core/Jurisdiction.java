package org.civicequity.core;

/**
 * The area a publisher speaks for ({@code civicEquity.publisher.jurisdiction} of the manifest);
 * observations outside it are reported by the validator.
 *
 * @param geoLevel its geography level (codelist {@code geo-level}), e.g. {@code county}
 * @param geoId    its GEOID, e.g. {@code 24510}
 * @param name     its name, e.g. {@code Baltimore city, Maryland}
 */
public record Jurisdiction(String geoLevel, String geoId, String name) {
}
