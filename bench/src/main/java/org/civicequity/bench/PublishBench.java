package org.civicequity.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
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
 * within 3x of validation alone. For information it also times the command line's two-step path
 * (write a source folder, then publish it).
 *
 * <p>Run (after {@code mvn -B -q -o install -DskipTests}), with the bench module's classpath:
 * {@code java -Xmx6g -cp <bench classpath> org.civicequity.bench.PublishBench 1000000 [work dir]}.
 * Prints one line per phase and the ratio.
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
   * @param args the number of rows (default 1,000,000) and a work directory (default a temp dir)
   * @throws Exception if a step fails
   */
  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000L;
    Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("publish-bench");
    Files.createDirectories(work);
    Path input = work.resolve("city-spreadsheet.csv");
    Path mapping = work.resolve("mapping.json");
    long t0 = System.nanoTime();
    long written = generate(rows, input);
    Files.writeString(mapping, MAPPING);
    System.out.printf(Locale.ROOT, "generate   %,d rows (%,d bytes) in %.1f s%n", written, Files.size(input), secs(t0));

    if (rows > 20_000) {
      // warm the JIT on a small run so that every phase below (and validation alone) runs compiled code
      Path warm = work.resolve("warm-up");
      Files.createDirectories(warm);
      generate(20_000, warm.resolve("in.csv"));
      Conversion w = Converter.convert(warm.resolve("in.csv"), Mapping.load(mapping));
      FeedPublisher.publish(w, warm.resolve("feed"), PublishOptions.defaults().withIssued(LocalDate.of(2024, 5, 1)));
      Validator.create().validate(warm.resolve("feed"));
      System.out.printf(Locale.ROOT, "warm-up    done%n");
    }
    long t1 = System.nanoTime();
    Conversion c = Converter.convert(input, Mapping.load(mapping));
    double convert = secs(t1);
    System.out.printf(Locale.ROOT, "convert    %,d observations, %d problems in %.1f s%n", c.observations().size(),
        c.problems().size(), convert);
    Path feed = work.resolve("site/feed");
    long t3 = System.nanoTime();
    PublishResult r = FeedPublisher.publish(c, feed, PublishOptions.defaults().withIssued(LocalDate.of(2024, 5, 1)));
    double publish = secs(t3);
    System.out.printf(Locale.ROOT, "publish    %,d observations, %d small + %d complementary suppressed in %.1f s "
        + "(suppression policy, validate, sort, write CSV+NDJSON with SHA-256, datapackage, data.json, index.html, "
        + "atomic move)%n", r.observations(), r.smallCells(), r.complementary(), publish);
    r.phaseMillis().forEach((k, v) -> System.out.printf(Locale.ROOT, "           %-20s %8.1f s%n", k, v / 1000.0));
    for (String f : r.files()) {
      System.out.printf(Locale.ROOT, "           %-20s %,14d bytes%n", f, Files.size(feed.resolve(f)));
    }
    long t2 = System.nanoTime();
    Path source = work.resolve("source");
    SourceFolder.write(c, source);
    double writeSource = secs(t2);
    c = null;
    long t5 = System.nanoTime();
    FeedPublisher.publish(source, work.resolve("site/feed2"),
        PublishOptions.defaults().withIssued(LocalDate.of(2024, 5, 1)));
    double publish2 = secs(t5);
    System.out.printf(Locale.ROOT, "two-step   (the CLI's convert then publish) write the source folder %.1f s, "
        + "publish it %.1f s%n", writeSource, publish2);

    long t4 = System.nanoTime();
    ValidationReport v = Validator.create().validate(feed);
    double validate = secs(t4);
    System.out.printf(Locale.ROOT, "validate   the published feed alone: %s, %,d rows in %.1f s%n",
        v.valid() ? "valid" : "INVALID", v.summary().rows(), validate);
    double total = convert + publish;
    System.out.printf(Locale.ROOT, "ratio      convert + publish = %.1f s = %.2f x validation alone (target <= 3); "
        + "two-step: %.2f x%n", total, total / validate, (convert + writeSource + publish2) / validate);
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
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
            for (int g = 0; g < GROUPS.length && count < n; g++) {
              double den = Math.max(1, Math.round(pop * SHARES[g]));
              sb.setLength(0);
              sb.append(geoid).append(',').append(m[0]).append(',').append(year).append(',').append(GROUPS[g])
                  .append(',');
              if (m[1].equals("median-household-income")) {
                double v = Math.round(base * (0.7 + 0.6 * rnd.nextDouble()));
                sb.append(v).append(',').append(Math.round(v * (0.05 + 0.3 * rnd.nextDouble()))).append(",,");
              } else {
                double num = Math.round(den * base / 100 * (0.6 + 0.8 * rnd.nextDouble()));
                double v = Math.round(1000 * num / den) / 10.0;
                sb.append(v).append(',').append(Math.round(10 * (0.5 + v * (0.1 + 0.3 * rnd.nextDouble()))) / 10.0)
                    .append(',').append((long) num).append(',').append((long) den);
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
          "groups": {"All": null, "Black": "black-alone", "White": "white-alone-incl-mena", "Asian": "asian-alone",
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
