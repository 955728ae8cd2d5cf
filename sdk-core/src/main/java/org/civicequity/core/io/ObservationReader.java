package org.civicequity.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.civicequity.core.Observation;
import org.civicequity.core.io.internal.CsvObservationSource;
import org.civicequity.core.io.internal.JsonArrayRowSource;
import org.civicequity.core.io.internal.NdjsonRowSource;
import org.civicequity.core.io.internal.Problems;
import org.civicequity.core.io.internal.RowSource;

/**
 * Reads observations from CSV, NDJSON or JSON, streaming: memory does not grow with the number
 * of rows. Each {@link Observation} carries its {@link org.civicequity.core.SourceLocation}
 * (file, data row, physical line, and for JSON the pointer of the object).
 *
 * <p>Bad input never throws: syntax errors, invalid UTF-8, ragged rows, duplicate keys, oversized
 * fields and over-deep nesting become {@link ReadProblem}s, delivered to the listener of the
 * {@link ReadOptions} as they are found and kept (the first {@link ReadOptions#maxProblemsKept()})
 * in {@link #problems()}. The reader skips what it cannot read and goes on where the format
 * allows it (the next CSV record, the next NDJSON line); a JSON syntax error or an unterminated
 * CSV quote ends the file.
 *
 * <pre>{@code
 * try (ObservationReader r = ObservationReader.open(Path.of("observations.csv"))) {
 *   while (r.hasNext()) {
 *     Observation o = r.next();
 *     ...
 *   }
 *   r.problems().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one reader is driven by one thread.
 */
public final class ObservationReader implements Iterator<Observation>, AutoCloseable {
  private final String file;
  private final ObservationFormat format;
  private final RowSource source;
  private final Problems problems;
  private Observation next;
  private boolean done;

  private ObservationReader(String file, ObservationFormat format, RowSource source,
      Problems problems) {
    this.file = file;
    this.format = format;
    this.source = source;
    this.problems = problems;
  }

  /**
   * Opens a file, choosing the format from its extension, with the default limits.
   *
   * @param file a {@code .csv}, {@code .ndjson}/{@code .jsonl} or {@code .json} file
   * @return a reader; close it
   * @throws IOException              if the file cannot be opened
   * @throws IllegalArgumentException if the extension is none of those
   */
  public static ObservationReader open(Path file) throws IOException {
    return open(file, ReadOptions.defaults());
  }

  /**
   * Opens a file, choosing the format from its extension.
   *
   * @param file    a {@code .csv}, {@code .ndjson}/{@code .jsonl} or {@code .json} file
   * @param options limits and problem listener
   * @return a reader; close it
   * @throws IOException              if the file cannot be opened
   * @throws IllegalArgumentException if the extension is none of those
   */
  public static ObservationReader open(Path file, ReadOptions options) throws IOException {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    ObservationFormat format = ObservationFormat.fromFileName(name).orElseThrow(() ->
        new IllegalArgumentException("cannot tell the format of '" + file + "': expected a file "
            + "name ending in .csv, .ndjson, .jsonl or .json"));
    return of(Files.newInputStream(file), name, format, options);
  }

  /**
   * Reads a stream.
   *
   * @param in       the bytes; the reader closes the stream when it is closed
   * @param fileName the name used in locations (e.g. the path relative to the feed)
   * @param format   the format of the bytes
   * @param options  limits and problem listener
   * @return a reader; close it
   */
  public static ObservationReader of(InputStream in, String fileName, ObservationFormat format,
      ReadOptions options) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(options, "options");
    Problems problems = new Problems(options.maxProblemsKept(), options.onProblem());
    // every source reads through its own buffer
    RowSource source = switch (format) {
      case CSV -> new CsvObservationSource(in, fileName, options, problems);
      case NDJSON -> new NdjsonRowSource(in, fileName, options, problems);
      case JSON -> new JsonArrayRowSource(in, fileName, options, problems);
    };
    return new ObservationReader(fileName, format, source, problems);
  }

  /** @return the file name used in locations */
  public String fileName() {
    return file;
  }

  /** @return the format being read */
  public ObservationFormat format() {
    return format;
  }

  /**
   * Whether another observation can be read. Reads ahead by one row.
   *
   * @return true when {@link #next()} will return an observation
   */
  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      next = source.next();
      if (next == null) {
        done = true;
      }
    }
    return next != null;
  }

  /**
   * The next observation.
   *
   * @return the observation, with its location
   * @throws NoSuchElementException when there is none
   */
  @Override
  public Observation next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more observations in " + file);
    }
    Observation o = next;
    next = null;
    return o;
  }

  /**
   * The remaining observations as a sequential stream; closing the stream closes the reader.
   *
   * @return a stream over the rest of the input
   */
  public Stream<Observation> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
  }

  /**
   * The problems found so far (at most {@link ReadOptions#maxProblemsKept()}).
   *
   * @return an unmodifiable snapshot
   */
  public List<ReadProblem> problems() {
    return problems.kept();
  }

  /** @return how many problems were found so far, including those not kept */
  public long problemCount() {
    return problems.count();
  }

  /** @return the data rows met so far, including rows skipped because of problems */
  public long rowsRead() {
    return source.rowsRead();
  }

  /** @return the header of a CSV file as written (empty for JSON and NDJSON) */
  public List<String> columns() {
    return source.columns();
  }

  /** Closes the input. Never throws. */
  @Override
  public void close() {
    done = true;
    next = null;
    source.close();
  }
}
