package org.civicequity.federate;

import java.util.Collection;
import java.util.Objects;
import org.civicequity.core.Indicator;
import org.civicequity.federate.internal.ComparisonEngine;

/**
 * Compares the harvested members of a federation store (DESIGN §7, §10).
 *
 * <p><b>Alignment.</b> Observations are compared only with comparable ones: the same
 * core-catalogue indicator (the feed indicator's {@code equivalentTo}, or its own id when that is
 * a catalogue id), the catalogue's unit, the same period and the same geography level. Groups are
 * the codes of one disaggregation dimension (race and ethnicity by default); rows that carry other
 * dimensions, totals, rows without a value, duplicates, and rows that no other jurisdiction can be
 * compared with are recorded in the store's {@code not_compared} table with the reason.
 *
 * <p><b>Per jurisdiction and group</b> (a jurisdiction is one geography of one member):
 * value, margin of error, the reference group (the requested one, or the best group given the
 * catalogue indicator's polarity), the rate ratio {@code r/r_ref}, the rate difference
 * {@code r − r_ref}, and the Census difference test of {@code r − r_ref} at the feed indicator's
 * confidence level ({@link DifferenceTest}).
 *
 * <p><b>Per jurisdiction, indicator and period:</b> Index of Disparity against the reference
 * group, Between-Group Variance, Theil index and Mean Log Deviation ({@link DisparityMeasures}),
 * population-weighted when every group's observation has a {@code denominator} (its population
 * base), and the rank among the jurisdictions with the same indicator, period and level by Index
 * of Disparity (1 = smallest disparity; ties share a rank; no rank without an index). A
 * jurisdiction with a single population group gets no measures (there is no disparity to
 * measure) and no rank; for race and ethnicity, codes that count the same group in different
 * tabulations (the codelist's {@code group} attribute, e.g. {@code white-alone} and
 * {@code white-alone-nh}) are one population group.
 */
public final class Comparer {
  private Comparer() {
  }

  /**
   * Runs a comparison over the harvested members of the store, replacing the store's
   * {@code catalogue}, {@code comparison}, {@code summary} and {@code not_compared} tables.
   *
   * @param store     the store, after harvesting
   * @param catalogue the core-catalogue indicators (ids, units, polarity)
   * @param options   what to compare
   * @return the counts; the rows are in the store
   * @throws FederationException if the store cannot be read or written
   */
  public static ComparisonResult compare(FederationStore store, Collection<Indicator> catalogue,
      CompareOptions options) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(catalogue, "catalogue");
    Objects.requireNonNull(options, "options");
    return new ComparisonEngine(store, options).run(catalogue);
  }
}
