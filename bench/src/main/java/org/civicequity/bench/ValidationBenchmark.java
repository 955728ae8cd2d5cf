package org.civicequity.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.Validator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Measures, in one JVM, rows per second of (a) a raw parse of the same file (a Jackson streaming
 * token loop for NDJSON, a commons-csv record loop for CSV) and (b) full validation of that file
 * with every rule on ({@link Validator#validate(Path)}, as {@code civic-equity validate} runs it).
 *
 * <pre>
 * java -Xmx256m -cp ... org.civicequity.bench.ValidationBenchmark [--rows N] [--runs R]
 *     [--formats csv,ndjson] [--dir DIR] [--validate-only] [--warmups W]
 * </pre>
 * The loops run interleaved (run i of each back to back), so each ratio compares runs made in
 * the same state of the machine. Prints one line per measurement and a summary; not a test.
 */
public final class ValidationBenchmark {
  private ValidationBenchmark() {
  }

  /**
   * Runs the benchmark.
   *
   * @param args see the class comment
   * @throws IOException if the files cannot be written or read
   */
  public static void main(String[] args) throws IOException {
    long rows = 1_000_000;
    int runs = 3;
    List<String> formats = List.of("csv", "ndjson");
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "civic-equity-bench");
    boolean validateOnly = false;
    int warmups = 2;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--formats" -> formats = Arrays.asList(args[++i].split(","));
        case "--dir" -> dir = Path.of(args[++i]);
        case "--validate-only" -> validateOnly = true;
        case "--warmups" -> warmups = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    warmupRuns = warmups;
    Files.createDirectories(dir);
    Path csv = dir.resolve("observations-" + rows + ".csv");
    Path ndjson = dir.resolve("observations-" + rows + ".ndjson");
    if (!Files.exists(csv) || !Files.exists(ndjson)) {
      long t = System.nanoTime();
      ObservationGenerator.generate(rows, csv, ndjson);
      System.out.printf(Locale.ROOT, "generated %,d rows in %.1f s: %s (%,d MB), %s (%,d MB)%n",
          rows, (System.nanoTime() - t) / 1e9, csv.getFileName(), Files.size(csv) >> 20,
          ndjson.getFileName(), Files.size(ndjson) >> 20);
    }
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %,d MB%n",
        System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() >> 20);
    Validator validator = Validator.create();
    List<String> summary = new ArrayList<>();
    for (String format : formats) {
      Path file = format.equals("csv") ? csv : ndjson;
      double[] counts = new double[3];
      List<Measurement> measured = new ArrayList<>();
      if (!validateOnly) {
        measured.add(new Measurement("raw " + format, () -> format.equals("csv") ? rawCsv(file)
            : rawJson(file)));
        if (format.equals("ndjson")) {
          // for context only (the target is against the token loop): a loop that also reads
          // every value, as any consumer of the data must (Jackson decodes strings lazily)
          measured.add(new Measurement("raw ndjson values", () -> rawJsonValues(file)));
        }
      }
      Measurement validation = new Measurement("validate " + format, () -> {
        ValidationReport r = validator.validate(file);
        counts[0] = r.summary().rows();
        counts[1] = r.summary().errors();
        counts[2] = r.summary().warnings();
        return r.summary().rows();
      });
      measured.add(validation);
      // interleaved: run i of every loop back to back, so that each ratio compares runs made
      // in the same state of the (shared, virtual) machine
      for (int i = 0; i < warmupRuns; i++) {
        for (Measurement m : measured) {
          m.run.run();
        }
      }
      for (int i = 0; i < runs; i++) {
        for (Measurement m : measured) {
          m.rates.add(timed(m.what, i, rows, m.run));
        }
      }
      System.out.printf(Locale.ROOT, "  (validation of %s: %,.0f rows, %,.0f errors, %,.0f warnings)%n",
          format, counts[0], counts[1], counts[2]);
      double val = validation.best();
      if (validateOnly) {
        summary.add(String.format(Locale.ROOT, "%-6s validate %,10.0f rows/s", format, val));
        continue;
      }
      Measurement raw = measured.get(0);
      String line = String.format(Locale.ROOT,
          "%-6s raw %,10.0f rows/s   validate %,10.0f rows/s   ratio of the best runs %.2f, "
              + "median ratio of the runs made together %.2f",
          format, raw.best(), val, val / raw.best(), medianRatio(validation, raw));
      if (measured.size() > 2) {
        Measurement values = measured.get(1);
        line += String.format(Locale.ROOT, "%n       (raw with values read %,.0f rows/s, ratio %.2f)",
            values.best(), val / values.best());
      }
      summary.add(line);
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "summary, %,d rows (best of %d interleaved runs after %d warm-up runs):%n",
        rows, runs, warmups);
    summary.forEach(System.out::println);
  }

  interface Measured {
    long run() throws IOException;
  }

  /** A loop to time, with the rates of its measured runs in order. */
  private record Measurement(String what, Measured run, List<Double> rates) {
    Measurement(String what, Measured run) {
      this(what, run, new ArrayList<>());
    }

    double best() {
      return rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
  }

  /** The median over runs of {@code a}'s rate divided by {@code b}'s rate in the same round. */
  private static double medianRatio(Measurement a, Measurement b) {
    double[] r = new double[a.rates().size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = a.rates().get(i) / b.rates().get(i);
    }
    Arrays.sort(r);
    return r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage();
  }

  /** Untimed runs of every loop before the measured ones (the JIT compiles the hot paths). */
  private static int warmupRuns = 2;

  /** One measured run (after a full garbage collection), printed; returns its rows/s. */
  private static double timed(String what, int i, long expected, Measured m) throws IOException {
    System.gc();
    long cpu = cpuNanos();
    long t = System.nanoTime();
    long n = m.run();
    double s = (System.nanoTime() - t) / 1e9;
    double cpuS = (cpuNanos() - cpu) / 1e9;
    if (n != expected) {
      throw new IllegalStateException(what + ": read " + n + " rows, expected " + expected);
    }
    double rate = n / s;
    System.out.printf(Locale.ROOT, "%-17s run %d: %,d rows in %.2f s = %,.0f rows/s "
        + "(CPU %.2f s = %,.0f rows per CPU-second; load average %.1f)%n", what, i + 1, n, s,
        rate, cpuS, n / cpuS, loadAverage());
    return rate;
  }

  /** Every token of every line, as a minimal streaming consumer reads them. */
  static long rawJson(Path file) throws IOException {
    JsonFactory f = new JsonFactory();
    long rows = 0;
    try (InputStream in = Files.newInputStream(file);
         JsonParser p = f.createParser(ObjectReadContext.empty(), in)) {
      JsonToken t;
      int depth = 0;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_OBJECT) {
          depth++;
        } else if (t == JsonToken.END_OBJECT && --depth == 0) {
          rows++;
        }
      }
    }
    return rows;
  }

  /** Every token of every line, with every value read: strings decoded, numbers converted. */
  static long rawJsonValues(Path file) throws IOException {
    JsonFactory f = new JsonFactory();
    long rows = 0;
    long sink = 0;
    try (InputStream in = Files.newInputStream(file);
         JsonParser p = f.createParser(ObjectReadContext.empty(), in)) {
      JsonToken t;
      int depth = 0;
      while ((t = p.nextToken()) != null) {
        switch (t) {
          case START_OBJECT -> depth++;
          case END_OBJECT -> {
            if (--depth == 0) {
              rows++;
            }
          }
          case VALUE_STRING -> sink += p.getString().length();
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> sink += (long) p.getDoubleValue();
          default -> {
          }
        }
      }
    }
    return sink == Long.MIN_VALUE ? -1 : rows;
  }

  /** Every record of the file, with its header, as commons-csv parses them. */
  static long rawCsv(Path file) throws IOException {
    long rows = 0;
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8),
        1 << 16); CSVParser p = CSVParser.builder().setReader(r).setFormat(format).get()) {
      for (CSVRecord rec : p) {
        if (rec.size() > 0) {
          rows++;
        }
      }
    }
    return rows;
  }
}
