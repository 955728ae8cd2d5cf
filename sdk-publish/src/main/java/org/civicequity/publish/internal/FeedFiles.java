package org.civicequity.publish.internal;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.civicequity.core.Geography;
import org.civicequity.core.Indicator;
import org.civicequity.core.Observation;
import org.civicequity.core.io.IndicatorsWriter;
import org.civicequity.core.io.ObservationWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the files of a feed into a directory, hashing and counting each file as it is
 * written (no second read), through the fault hooks of {@link PublishFaults}.
 */
public final class FeedFiles {
  /** The standard version the SDK writes. */
  public static final String STANDARD_VERSION = "1.0";
  private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Path dir;
  private final PublishFaults faults;

  /**
   * Creates a writer into a directory that exists.
   *
   * @param dir    the directory
   * @param faults fault hooks
   */
  public FeedFiles(Path dir, PublishFaults faults) {
    this.dir = dir;
    this.faults = faults;
  }

  /** A stream that counts and hashes what goes through it. */
  private static final class Measured extends FilterOutputStream {
    final MessageDigest digest;
    long count;

    Measured(OutputStream out) {
      super(out);
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
      }
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      digest.update((byte) b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      digest.update(b, off, len);
      count += len;
    }
  }

  /** Something that writes a file's content. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the content.
     *
     * @param out the stream (do not close it)
     * @return data rows written, or -1
     * @throws IOException if writing fails
     */
    long write(OutputStream out) throws IOException;
  }

  /**
   * Writes one file.
   *
   * @param path    the path inside the feed
   * @param content what to write
   * @return the written file
   * @throws IOException if writing fails
   */
  public WrittenFile write(String path, Content content) throws IOException {
    Measured measured = open(path);
    long rows;
    try (OutputStream out = new BufferedOutputStream(measured, 1 << 16)) {
      rows = content.write(org.apache.commons.io.output.CloseShieldOutputStream.wrap(out));
    }
    return new WrittenFile(path, measured.count, HexFormat.of().formatHex(measured.digest.digest()), rows);
  }

  /** Creates a file (it must not exist) behind the fault hooks, counted and hashed. */
  private Measured open(String path) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new Measured(faults.wrap(path, raw));
  }

  /**
   * Writes observations as CSV on the calling thread and as NDJSON on a thread of the pool, each
   * file hashed and counted as it goes out. Returns or throws only once both are finished, so a
   * caller that cleans up after a failure never races a write still going on.
   *
   * @param csvPath      the CSV file's path
   * @param ndjsonPath   the NDJSON file's path
   * @param observations the rows, in order (read by both threads; not modified)
   * @param extra        the CSV's extra columns ({@link #extraColumns(List)})
   * @param pool         where the NDJSON copy is written
   * @return the CSV file, then the NDJSON file
   * @throws IOException if writing either fails (the other's failure, if any, is suppressed)
   */
  public List<WrittenFile> observations(String csvPath, String ndjsonPath, List<Observation> observations,
      List<String> extra, ExecutorService pool) throws IOException {
    Future<WrittenFile> ndjson = pool.submit(() -> observationsNdjson(ndjsonPath, observations));
    WrittenFile csv;
    try {
      csv = observationsCsv(csvPath, observations, extra);
    } catch (IOException | RuntimeException | Error e) {
      try {
        await(ndjson);
      } catch (IOException | RuntimeException | Error other) {
        e.addSuppressed(other);
      }
      throw e;
    }
    return List.of(csv, await(ndjson));
  }

  /** Waits for a write to end, even when interrupted (the flag is kept), and rethrows its failure. */
  private static WrittenFile await(Future<WrittenFile> f) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw TaskFailure.unwrap(e);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Writes observations as CSV (the standard's columns, then the {@code x-} columns in use).
   *
   * @param path         the path
   * @param observations the rows, in order
   * @return the file
   * @throws IOException if writing fails
   */
  public WrittenFile observationsCsv(String path, List<Observation> observations) throws IOException {
    return observationsCsv(path, observations, extraColumns(observations));
  }

  /**
   * Writes observations as CSV with the given extra columns after the standard ones.
   *
   * @param path         the path
   * @param observations the rows, in order
   * @param extra        the extra columns ({@link #extraColumns(List)})
   * @return the file
   * @throws IOException if writing fails
   */
  public WrittenFile observationsCsv(String path, List<Observation> observations, List<String> extra)
      throws IOException {
    return write(path, out -> {
      try (ObservationWriter w = ObservationWriter.csv(out, extra)) {
        for (Observation o : new ReadAhead(observations)) {
          w.write(o);
        }
        return w.rowsWritten();
      }
    });
  }

  /**
   * Writes observations as NDJSON.
   *
   * @param path         the path
   * @param observations the rows, in order
   * @return the file
   * @throws IOException if writing fails
   */
  public WrittenFile observationsNdjson(String path, List<Observation> observations) throws IOException {
    return write(path, out -> {
      try (ObservationWriter w = ObservationWriter.ndjson(out)) {
        for (Observation o : new ReadAhead(observations)) {
          w.write(o);
        }
        return w.rowsWritten();
      }
    });
  }

  /**
   * The {@code x-} columns used by any observation, sorted.
   *
   * @param observations the rows
   * @return the column names
   */
  public static List<String> extraColumns(List<Observation> observations) {
    Set<String> names = new TreeSet<>();
    for (Observation o : observations) {
      if (o.extra().isEmpty()) {
        continue;
      }
      for (String k : o.extra().keySet()) {
        if (k.startsWith("x-")) {
          names.add(k);
        }
      }
    }
    return new ArrayList<>(names);
  }

  /**
   * Writes indicators.json.
   *
   * @param indicators the definitions
   * @return the file
   * @throws IOException if writing fails
   */
  public WrittenFile indicators(List<Indicator> indicators) throws IOException {
    return write("indicators.json", out -> {
      IndicatorsWriter.write(STANDARD_VERSION, indicators, out);
      return indicators.size();
    });
  }

  /**
   * Writes geographies.csv (geoId, geoName, parentGeoId, tracts separated by spaces).
   *
   * @param geographies the areas, in order
   * @return the file
   * @throws IOException if writing fails
   */
  public WrittenFile geographies(List<Geography> geographies) throws IOException {
    return write("geographies.csv", out -> {
      Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
      try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
        p.printRecord("geoId", "geoName", "parentGeoId", "tracts");
        for (Geography g : geographies) {
          p.printRecord(g.geoId(), g.geoName(), g.parentGeoId() == null ? "" : g.parentGeoId(),
              String.join(" ", g.tracts()));
        }
      }
      return geographies.size();
    });
  }

  /**
   * Writes a JSON document, indented, with a final newline.
   *
   * @param path the path
   * @param tree the document
   * @return the file
   * @throws IOException if writing fails
   */
  public WrittenFile json(String path, JsonNode tree) throws IOException {
    return write(path, out -> {
      out.write(PRETTY.writeValueAsBytes(tree));
      out.write('\n');
      return -1;
    });
  }

  /**
   * Writes a text file in UTF-8.
   *
   * @param path the path
   * @param text the text
   * @return the file
   * @throws IOException if writing fails
   */
  public WrittenFile text(String path, String text) throws IOException {
    return write(path, out -> {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      return -1;
    });
  }
}
