package org.civicequity.core;

/**
 * How a publisher protects small groups ({@code civicEquity.suppressionPolicy}).
 *
 * @param minimumCellSize counts (numerator or denominator) below this are suppressed, e.g. 11;
 *                        null when the manifest does not give a usable number
 * @param complementary   whether complementary suppression is applied (absent means false)
 */
public record SuppressionPolicy(Integer minimumCellSize, boolean complementary) {
}
