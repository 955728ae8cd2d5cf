package org.civicequity.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import org.civicequity.publish.Conversion;
import org.civicequity.publish.Converter;
import org.civicequity.publish.FeedPublisher;
import org.civicequity.publish.Mapping;
import org.civicequity.publish.PublishOptions;
import org.civicequity.publish.PublishResult;
import org.civicequity.publish.SourceFolder;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.Validator;

/**
 * Publish benchmark: a city spreadsheet of N rows (long layout: GEOID, measure name, year, group
 * name, estimate, MOE, numerator, denominator; 5 measures x 2 years x 10 groups per tract) is
 * converted with a mapping file (value maps for measures and groups, GEOID repair, ACS 5-year
 * periods) and published in the same process (suppression policy, validation, sort, CSV + NDJSON
 * with SHA-256, datapackage.json, data.json, index.html, atomic move). The published feed is then
 * validated alone, which is the yardstick: the target is publish (convert included)
 * within 3x of validation alone. With {@code --two-step} it also times the command line's two-step
 * path (write a source folder, then publish it).
 *
 * <p>Run (after {@code mvn -B -q -o install -DskipTests}): {@code mvn -B -q -o -pl bench exec:exec
 * -Dbench.main=org.civicequity.bench.PublishBench -Dbench.xmx=2g -Dbench.args="1000000 /tmp/pubbench 3"}, with
 * {@code -Dbench.jvm=-XX:+UseParallelGC} for the collector the {@code civic-equity} launcher uses.
 * After a warm-up it measures N runs of convert, publish and validation alone, with wall-clock and
 * process CPU times and the load average (the machine may be shared), and prints the ratio.
 */
public final class PublishBench {
  private static final String[][] MEASURES = {
      {"Poverty rate", "poverty-rate"}, {"Unemployment rate", "unemployment-rate"},
      {"Uninsured", "uninsured-rate"}, {"Broadband subscription", "broadband-subscription"},
      {"Median household income", "median-household-income"}};
  private static final String[] GROUPS = {"All", "Black", "White", "Asian", "AIAN", "NHPI", "Two or more",
      "Hispanic", "White non-Hispanic", "Black non-Hispanic"};
  private static final double[] SHARES = {1, 0.45, 0.35, 0.05, 0.01, 0.01, 0.04, 0.08, 0.30, 0.43};

  private PublishBench() {
  }

  /**
   * Runs the benchmark.
   *
   * @param args the number of rows (default 1,000,000), a work directory (default a temp dir), the
   *             number of measured runs (default 3) and {@code --two-step} to also time the command
   *             line's two-step path (write a source folder, then publish it)
   * @throws Exception if a step fails
   */
  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000L;
    Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("publish-bench");
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    boolean twoStep = java.util.Arrays.asList(args).contains("--two-step");
    Files.createDirectories(work);
    Path input = work.resolve("city-spreadsheet.csv");
    Path mapping = work.resolve("mapping.json");
    long t0 = System.nanoTime();
    long written = generate(rows, input);
    Files.writeString(mapping, MAPPING);
    System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %,d MB, collectors %s%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
    System.out.printf(Locale.ROOT, "generate   %,d rows (%,d bytes) in %.1f s%n", written, Files.size(input), secs(t0));
    if (rows >= 1_000_000 && Runtime.getRuntime().maxMemory() < (2000L << 20)) {
      // the default -Dbench.xmx (1g) suits the validation bench; a million rows published in a
      // smaller heap pay for collections that bench/README.md's figures (-Dbench.xmx=2g) do not
      System.out.printf(Locale.ROOT, "note       a heap under 2 GB: bench/README.md's figures use -Dbench.xmx=2g%n");
    }

    if (rows > 20_000) {
      // warm the JIT on a small run so that every phase below (and validation alone) runs compiled code
      Path warm = work.resolve("warm-up");
      Files.createDirectories(warm);
      generate(20_000, warm.resolve("in.csv"));
      for (int i = 0; i < 3; i++) {
        Conversion w = Converter.convert(warm.resolve("in.csv"), Mapping.load(mapping));
        FeedPublisher.publish(w, warm.resolve("feed"), PublishOptions.defaults().withIssued(LocalDate.of(2024, 5, 1)));
        Validator.create().validate(warm.resolve("feed"));
      }
      System.out.printf(Locale.ROOT, "warm-up    done (3 runs of 20,000 rows)%n");
    }
    Path feed = work.resolve("site/feed");
    double bestTotal = Double.MAX_VALUE;
    double bestTotalCpu = 0;
    double bestValidate = Double.MAX_VALUE;
    double bestValidateCpu = 0;
    Conversion c = null;
    for (int run = 1; run <= runs; run++) {
      c = null;
      System.gc();
      double c1 = cpu();
      long t1 = System.nanoTime();
      c = Converter.convert(input, Mapping.load(mapping));
      double convert = secs(t1);
      double convertCpu = cpu() - c1;
      System.out.printf(Locale.ROOT, "run %d convert  %,d observations, %d problems in %.2f s (CPU %.2f s; %s)%n", run,
          c.observations().size(), c.problems().size(), convert, convertCpu, load());
      double c3 = cpu();
      long t3 = System.nanoTime();
      PublishResult r = FeedPublisher.publish(c, feed, PublishOptions.defaults().withIssued(LocalDate.of(2024, 5, 1)));
      double publish = secs(t3);
      double publishCpu = cpu() - c3;
      System.out.printf(Locale.ROOT, "run %d publish  %,d observations, %d small + %d complementary suppressed in %.2f s "
          + "(CPU %.2f s; %s)%n", run, r.observations(), r.smallCells(), r.complementary(), publish, publishCpu, load());
      StringBuilder phases = new StringBuilder();
      r.phaseMillis().forEach((k, v) -> phases.append(String.format(Locale.ROOT, "%s %.2f s, ", k, v / 1000.0)));
      System.out.printf(Locale.ROOT, "             phases: %s%n", phases.substring(0, Math.max(0, phases.length() - 2)));
      if (run == 1) {
        for (String f : r.files()) {
          System.out.printf(Locale.ROOT, "             %-20s %,14d bytes%n", f, Files.size(feed.resolve(f)));
        }
      }
      System.gc();
      double c4 = cpu();
      long t4 = System.nanoTime();
      ValidationReport v = Validator.create().validate(feed);
      double validate = secs(t4);
      double validateCpu = cpu() - c4;
      System.out.printf(Locale.ROOT, "run %d validate the published feed alone: %s, %,d rows in %.2f s (CPU %.2f s; %s)%n",
          run, v.valid() ? "valid" : "INVALID", v.summary().rows(), validate, validateCpu, load());
      double total = convert + publish;
      System.out.printf(Locale.ROOT, "run %d ratio    convert + publish = %.2f s (CPU %.2f s) = %.2f x validation alone "
          + "(CPU %.2f x)%n", run, total, convertCpu + publishCpu, total / validate,
          (convertCpu + publishCpu) / validateCpu);
      if (total < bestTotal) {
        bestTotal = total;
        bestTotalCpu = convertCpu + publishCpu;
      }
      if (validate < bestValidate) {
        bestValidate = validate;
        bestValidateCpu = validateCpu;
      }
    }
    System.out.printf(Locale.ROOT, "best       convert + publish %.2f s (CPU %.2f s), validation alone %.2f s (CPU %.2f s): "
        + "%.2f x (target <= 3)%n", bestTotal, bestTotalCpu, bestValidate, bestValidateCpu, bestTotal / bestValidate);
    if (twoStep) {
      long t2 = System.nanoTime();
      Path source = work.resolve("source");
      SourceFolder.write(c, source);
      double writeSource = secs(t2);
      c = null;
      long t5 = System.nanoTime();
      FeedPublisher.publish(source, work.resolve("site/feed2"),
          PublishOptions.defaults().withIssued(LocalDate.of(2024, 5, 1)));
      System.out.printf(Locale.ROOT, "two-step   (the CLI's convert then publish) write the source folder %.2f s, "
          + "publish it %.2f s%n", writeSource, secs(t5));
    }
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** CPU seconds used by the whole process so far (every thread, JIT and GC included). */
  private static double cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  private static String load() {
    return String.format(Locale.ROOT, "load average %.1f", ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage());
  }

  /** Writes the spreadsheet; deterministic. */
  static long generate(long n, Path csv) throws IOException {
    Random rnd = new Random(42);
    long count = 0;
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 16)) {
      w.write("GEOID,Measure,Year,Group,Estimate,MOE,Numerator,Denominator\n");
      StringBuilder sb = new StringBuilder(128);
      int tract = 0;
      while (count < n) {
        // Maryland tract GEOIDs: 24 + county (odd numbers 001-047, and 510) + 6 digits; written as
        // numbers, as spreadsheets do, so the leading zero of counties below 100 is not lost
        int county = tract % 25 == 24 ? 510 : 1 + 2 * (tract % 24);
        String geoid = String.format(Locale.ROOT, "24%03d%06d", county, 100 + tract / 25);
        double pop = 1500 + rnd.nextInt(6000);
        for (String[] m : MEASURES) {
          for (int year = 2021; year <= 2022; year++) {
            double base = m[1].equals("median-household-income") ? 30000 + rnd.nextInt(90000) : 3 + rnd.nextInt(30);
            // groups first, then the total: the groups of each partition (races alone with two or
            // more races; Hispanic with the not-Hispanic groups) count at most the total's numerator
            double[] num = new double[GROUPS.length];
            double[] den = new double[GROUPS.length];
            double alone = 0;
            double hispanicOrNot = 0;
            for (int g = 1; g < GROUPS.length; g++) {
              den[g] = Math.max(1, Math.round(pop * SHARES[g]));
              num[g] = Math.round(den[g] * base / 100 * (0.6 + 0.8 * rnd.nextDouble()));
              if (g <= 6) {
                alone += num[g];
              } else {
                hispanicOrNot += num[g];
              }
            }
            den[0] = pop;
            num[0] = Math.max(Math.max(alone, hispanicOrNot), Math.round(pop * base / 100 * (0.9 + 0.2 * rnd.nextDouble())));
            for (int g = 0; g < GROUPS.length && count < n; g++) {
              sb.setLength(0);
              sb.append(geoid).append(',').append(m[0]).append(',').append(year).append(',').append(GROUPS[g])
                  .append(',');
              if (m[1].equals("median-household-income")) {
                double v = Math.round(base * (0.7 + 0.6 * rnd.nextDouble()));
                sb.append(v).append(',').append(Math.round(v * (0.05 + 0.3 * rnd.nextDouble()))).append(",,");
              } else {
                double v = Math.round(1000 * num[g] / den[g]) / 10.0;
                sb.append(v).append(',').append(Math.round(10 * (0.5 + v * (0.1 + 0.3 * rnd.nextDouble()))) / 10.0)
                    .append(',').append((long) num[g]).append(',').append((long) den[g]);
              }
              sb.append('\n');
              w.append(sb);
              count++;
            }
          }
        }
        tract++;
      }
    }
    return count;
  }

  private static final String MAPPING = """
      {
        "name": "bench-city-spreadsheet",
        "layout": "long",
        "fields": {
          "geoId": "GEOID",
          "indicator": {"column": "Measure", "map": "measures"},
          "period": "Year",
          "raceEthnicity": {"column": "Group", "map": "groups"},
          "value": "Estimate", "moe": "MOE", "numerator": "Numerator", "denominator": "Denominator"
        },
        "geography": {"level": "tract"},
        "valueMaps": {
          "measures": {"Poverty rate": "poverty-rate", "Unemployment rate": "unemployment-rate",
            "Uninsured": "uninsured-rate", "Broadband subscription": "broadband-subscription",
            "Median household income": "median-household-income"},
          "groups": {"All": null, "Black": "black-alone", "White": "white-alone", "Asian": "asian-alone",
            "AIAN": "aian-alone", "NHPI": "nhpi-alone", "Two or more": "multiracial", "Hispanic": "hispanic-aoic",
            "White non-Hispanic": "white-alone-nh", "Black non-Hispanic": "black-alone-nh"}
        },
        "indicators": [
          {"id": "poverty-rate", "name": "Poverty rate", "unit": "percent", "polarity": "lower-is-better", "domain": "economy", "periodType": "acs5", "equivalentTo": "poverty-rate"},
          {"id": "unemployment-rate", "name": "Unemployment rate", "unit": "percent", "polarity": "lower-is-better", "domain": "economy", "periodType": "acs5", "equivalentTo": "unemployment-rate"},
          {"id": "uninsured-rate", "name": "Uninsured", "unit": "percent", "polarity": "lower-is-better", "domain": "health", "periodType": "acs5", "equivalentTo": "uninsured-rate"},
          {"id": "broadband-subscription", "name": "Broadband subscription", "unit": "percent", "polarity": "higher-is-better", "domain": "digital-inclusion", "periodType": "acs5", "equivalentTo": "broadband-subscription"},
          {"id": "median-household-income", "name": "Median household income", "unit": "currency-usd", "polarity": "higher-is-better", "domain": "economy", "periodType": "acs5", "equivalentTo": "median-household-income"}
        ],
        "feed": {
          "name": "bench-feed", "title": "Benchmark feed", "license": "CC0-1.0",
          "publisher": {"name": "Bench", "email": "bench@example.org",
            "jurisdiction": {"geoLevel": "state", "geoId": "24", "name": "Maryland"}},
          "suppressionPolicy": {"minimumCellSize": 11, "complementary": true}
        }
      }
      """;
}
