/**
 * Reading and writing the files of a feed: streaming {@link
 * org.civicequity.core.io.ObservationReader} and {@link org.civicequity.core.io.ObservationWriter}
 * for CSV, NDJSON and JSON, readers and writers of {@code indicators.json},
 * {@code geographies.csv} and {@code datapackage.json}, and {@link org.civicequity.core.io.Feed},
 * which opens a feed directory, manifest or zip file without ever following a path out of it.
 *
 * <p>Readers never throw for bad input: they report {@link org.civicequity.core.io.ReadProblem}s
 * with the file, data row, physical line and column (or JSON pointer) of the problem.
 */
package org.civicequity.core.io;
