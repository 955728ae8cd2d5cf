/**
 * The Civic Equity model: immutable records for a feed's manifest, indicator definitions,
 * observations and custom geographies, the codelists of the standard, and the locations that
 * tie every record back to the file, line, row and column it came from.
 *
 * <p>Records are plain values: they check nothing beyond nullness of required parts, so that a
 * reader can represent invalid input faithfully and a validator can report on it. Bean Validation
 * constraints on the records express the row-level structure of the standard; the JSON Schemas in
 * the {@code civic-equity-schema} artifact remain its single source of truth.
 */
package org.civicequity.core;
