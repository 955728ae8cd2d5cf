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
 * Prints one line per measurement and a summary; not a test.
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
      double raw = 0;
      if (!validateOnly) {
        raw = best(runs, "raw " + format, rows, () -> format.equals("csv") ? rawCsv(file)
            : rawJson(file));
      }
      double values = 0;
      if (!validateOnly && format.equals("ndjson")) {
        // for context only (the target is against the token loop): a loop that also reads
        // every value, as any consumer of the data must (Jackson decodes strings lazily)
        values = best(runs, "raw ndjson values", rows, () -> rawJsonValues(file));
      }
      double[] counts = new double[3];
      double val = best(runs, "validate " + format, rows, () -> {
        ValidationReport r = validator.validate(file);
        counts[0] = r.summary().rows();
        counts[1] = r.summary().errors();
        counts[2] = r.summary().warnings();
        return r.summary().rows();
      });
      System.out.printf(Locale.ROOT, "  (validation of %s: %,.0f rows, %,.0f errors, %,.0f warnings)%n",
          format, counts[0], counts[1], counts[2]);
      summary.add(validateOnly
          ? String.format(Locale.ROOT, "%-6s validate %,10.0f rows/s", format, val)
          : String.format(Locale.ROOT, "%-6s raw %,10.0f rows/s   validate %,10.0f rows/s   ratio %.2f",
              format, raw, val, val / raw) + (values > 0 ? String.format(Locale.ROOT,
              "   (raw with values read %,.0f rows/s, ratio %.2f)", values, val / values) : ""));
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "summary, %,d rows (best of %d runs after %d warm-up runs):%n", rows, runs, warmups);
    summary.forEach(System.out::println);
  }

  interface Measured {
    long run() throws IOException;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage();
  }

  private static int warmupRuns = 2;

  /** Runs {@code --warmups} times (default 2: the JIT compiles the hot paths), then {@code runs}. */
  private static double best(int runs, String what, long expected, Measured m) throws IOException {
    for (int i = 0; i < warmupRuns; i++) {
      m.run();
    }
    double best = 0;
    for (int i = 0; i < runs; i++) {
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
      best = Math.max(best, rate);
      System.out.printf(Locale.ROOT, "%-16s run %d: %,d rows in %.2f s = %,.0f rows/s "
          + "(CPU %.2f s = %,.0f rows per CPU-second; load average %.1f)%n", what, i + 1, n, s,
          rate, cpuS, n / cpuS, loadAverage());
    }
    return best;
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
