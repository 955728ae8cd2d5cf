package org.civicequity.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.civicequity.core.Numbers;

/**
 * Writes N realistic observation rows as CSV and NDJSON: five core-catalogue indicators, ACS
 * 5-year periods, Maryland census tracts, and for every indicator, tract and period a total row
 * plus nine race/ethnicity groups, so groups (a tract with its race breakdown) are 10% of the
 * rows. Values are consistent (value = numerator / denominator x 100, the mutually exclusive
 * groups' numerators and denominators within the total's), margins of error give coefficients of variation between 3% and 40% (so some rows
 * are, realistically, unreliable estimates). Deterministic for a given N.
 */
final class ObservationGenerator {
  static final String[] INDICATORS = {"poverty-rate", "unemployment-rate", "uninsured-rate",
      "broadband-subscription", "median-household-income"};
  static final String[] PERIODS = {"2018/2022", "2017/2021"};
  static final String[] RACES = {null, "black-alone", "white-alone", "asian-alone", "aian-alone",
      "nhpi-alone", "multiracial", "hispanic-aoic", "white-alone-nh", "black-alone-nh"};
  static final double[] SHARES = {1, 0.45, 0.35, 0.05, 0.01, 0.01, 0.04, 0.08, 0.30, 0.43};
  static final String HEADER =
      "indicator,geoLevel,geoId,period,raceEthnicity,value,moe,numerator,denominator,status";

  private ObservationGenerator() {
  }

  /** One row's values. */
  private record Row(String indicator, String geoId, String period, String race, double value,
      double moe, Double numerator, Double denominator) {
  }

  interface RowWriter {
    void write(Row r) throws IOException;
  }

  static void generate(long n, Path csv, Path ndjson) throws IOException {
    try (Writer c = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 16);
         Writer j = new BufferedWriter(Files.newBufferedWriter(ndjson, StandardCharsets.UTF_8),
             1 << 16)) {
      c.write(HEADER);
      c.write('\n');
      StringBuilder sb = new StringBuilder(256);
      each(n, r -> {
        sb.setLength(0);
        csvRow(sb, r);
        c.append(sb);
        sb.setLength(0);
        jsonRow(sb, r);
        j.append(sb);
      });
    }
  }

  private static void each(long n, RowWriter out) throws IOException {
    Random rnd = new Random(42);
    long written = 0;
    int tract = 0;
    while (written < n) {
      // 24 Maryland counties (odd FIPS codes), 6-digit tract codes
      String geoId = String.format("24%03d%06d", 1 + 2 * (tract % 24), 10100 + tract / 24 * 100);
      tract++;
      for (String indicator : INDICATORS) {
        for (String period : PERIODS) {
          double total = 800 + rnd.nextInt(8000);
          double rate = 2 + rnd.nextDouble() * 30;
          // the groups' numerators first, so that the total's is at least what each set of
          // mutually exclusive groups adds up to (GROUP_SUM_EXCEEDS_TOTAL)
          double[] nums = new double[RACES.length];
          double alone = 0;
          double twoQuestion = 0;
          for (int g = 1; g < RACES.length; g++) {
            double r = Math.min(99, rate * (0.5 + rnd.nextDouble()));
            nums[g] = Math.floor(Math.floor(total * SHARES[g]) * r / 100);
            if (g <= 6) {
              alone += nums[g];
            } else {
              twoQuestion += nums[g];
            }
          }
          nums[0] = Math.min(total, Math.ceil(Math.max(alone, twoQuestion)
              * (1 + rnd.nextDouble() * 0.1)));
          for (int g = 0; g < RACES.length && written < n; g++) {
            double d = Math.floor(total * SHARES[g]);
            double cv = 0.03 + rnd.nextDouble() * 0.37;
            Row row;
            if (indicator.equals("median-household-income")) {
              double v = Math.round(25000 + rnd.nextDouble() * 90000);
              row = new Row(indicator, geoId, period, RACES[g], v, Math.round(v * cv * 1.645),
                  null, null);
            } else {
              double num = nums[g];
              double v = d == 0 ? 0 : Math.round(num / d * 1000) / 10.0;
              row = new Row(indicator, geoId, period, RACES[g], v,
                  Math.round(Math.max(v, 0.1) * cv * 1.645 * 10) / 10.0, num, d);
            }
            out.write(row);
            written++;
          }
        }
      }
    }
  }

  private static void csvRow(StringBuilder sb, Row r) {
    sb.append(r.indicator()).append(",tract,").append(r.geoId()).append(',').append(r.period())
        .append(',');
    if (r.race() != null) {
      sb.append(r.race());
    }
    sb.append(',').append(Numbers.format(r.value())).append(',').append(Numbers.format(r.moe()))
        .append(',');
    if (r.numerator() != null) {
      sb.append(Numbers.format(r.numerator()));
    }
    sb.append(',');
    if (r.denominator() != null) {
      sb.append(Numbers.format(r.denominator()));
    }
    sb.append(",\n");
  }

  private static void jsonRow(StringBuilder sb, Row r) {
    sb.append("{\"indicator\":\"").append(r.indicator()).append("\",\"geoLevel\":\"tract\",")
        .append("\"geoId\":\"").append(r.geoId()).append("\",\"period\":\"").append(r.period())
        .append('"');
    if (r.race() != null) {
      sb.append(",\"raceEthnicity\":\"").append(r.race()).append('"');
    }
    sb.append(",\"value\":").append(Numbers.format(r.value())).append(",\"moe\":")
        .append(Numbers.format(r.moe()));
    if (r.numerator() != null) {
      sb.append(",\"numerator\":").append(Numbers.format(r.numerator()));
    }
    if (r.denominator() != null) {
      sb.append(",\"denominator\":").append(Numbers.format(r.denominator()));
    }
    sb.append("}\n");
  }
}
