package org.civicequity.validate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civicequity.core.io.ObservationFormat;
import org.civicequity.validate.FeedContext;
import org.civicequity.validate.ProgressListener;
import org.civicequity.validate.RuleCatalogue;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.ValidatorOptions;
import org.civicequity.validate.internal.input.ChunkedFileSource;
import org.civicequity.validate.internal.input.CoreCatalogue;
import org.civicequity.validate.internal.input.FileObservationSource;
import org.civicequity.validate.internal.input.ObservationSource;
import org.civicequity.validate.internal.input.StandardCodelists;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallel chunked reading gives exactly the report of a sequential read with the SDK's reader,
 * on files of several chunks with every kind of trouble in the middle: quoted new lines, blank
 * and {@code ""} lines, CRLF, invalid UTF-8, ragged rows, an unterminated quote, a carriage return
 * alone, an over-long field, NDJSON lines that are broken, not objects, or span lines.
 */
class ChunkedReadingTest {
  @TempDir
  Path temp;

  static final String HEADER = "indicator,geoLevel,geoId,geoName,period,raceEthnicity,value,moe,"
      + "numerator,denominator,status,note";

  static String csvRow(Random r, int i) {
    String race = switch (i % 4) {
      case 0 -> "";
      case 1 -> "black-alone";
      case 2 -> "white-alone-nh";
      default -> "hispanic-aoic";
    };
    double d = 500 + r.nextInt(5000);
    double n = Math.floor(d * r.nextDouble() * 0.4);
    double v = Math.round(n / d * 1000) / 10.0;
    String name = i % 7 == 0 ? "\"Tract " + i + ", Baltimore\"" : i % 11 == 0
        ? "\"Tract\n" + i + "\"" : "";
    return "poverty-rate,tract," + String.format("24510%06d", i / 4 % 100000) + "," + name
        + ",2018/2022," + race + "," + v + "," + Math.round(v * r.nextDouble() * 10) / 10.0 + ","
        + n + "," + d + ",," + (i % 13 == 0 ? "\"a note, with \"\"quotes\"\"\"" : "");
  }

  static byte[] csv(int rows, String eol, Map<Integer, String> replace) {
    return csv(rows, eol, replace, true);
  }

  /** A row without any double quote, with non-ASCII names and numbers in every spelling. */
  static String unquotedRow(Random r, int i) {
    String row = csvRow(r, i).replace("\"", "").replace("\n", " ");
    String[] cells = row.split(",", -1);
    if (cells.length != 12) {
      cells = java.util.Arrays.copyOf(cells, 12);
      for (int k = 0; k < 12; k++) {
        cells[k] = cells[k] == null ? "" : cells[k];
      }
    }
    String[] names = {"", "Cherry Hill", "Côte-des-Neiges", "Sandtown–Winchester", "Ñandú 𝄞"};
    cells[3] = names[i % names.length];
    String[] numbers = {" 5", "1e3", "+3", "-0", "NaN", ".5", "5.", "0012.50", "123456789012345678",
        "1,5", "0x1A", "-", "Infinity", "3.14159265358979323"};
    if (i % 5 == 0) {
      cells[6] = numbers[i / 5 % numbers.length].replace(",", "");
    }
    if (i % 9 == 0) {
      cells[8] = numbers[(i / 9 + 3) % numbers.length].replace(",", "");
    }
    return String.join(",", cells);
  }

  static byte[] csv(int rows, String eol, Map<Integer, String> replace, boolean quoted) {
    Random r = new Random(7);
    StringBuilder sb = new StringBuilder(HEADER).append(eol);
    for (int i = 0; i < rows; i++) {
      String row = replace.getOrDefault(i, quoted ? csvRow(r, i) : unquotedRow(r, i));
      sb.append(row).append(eol);
      if (i % 500 == 0) {
        sb.append(eol); // a blank line
      }
      if (quoted && i % 777 == 0) {
        sb.append("\"\"").append(eol); // an empty quoted line, also blank to the reader
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String json(Random r, int i) {
    double d = 500 + r.nextInt(5000);
    double n = Math.floor(d * r.nextDouble() * 0.4);
    return "{\"indicator\":\"poverty-rate\",\"geoLevel\":\"tract\",\"geoId\":\""
        + String.format("24510%06d", i / 4 % 100000) + "\",\"period\":\"2018/2022\""
        + (i % 4 == 0 ? "" : ",\"raceEthnicity\":\"black-alone\"") + ",\"value\":"
        + Math.round(n / d * 1000) / 10.0 + ",\"numerator\":" + n + ",\"denominator\":" + d + "}";
  }

  /**
   * A line in one of the many shapes JSON allows: escapes, non-ASCII text, empty strings, every
   * spelling of a number, nulls, booleans, nested values, extension members, white space.
   */
  static String variedJson(Random r, int i, String kind) {
    String[] numbers = {"12.5", "-0", "0", "-0.0", "1e3", "1E-2", "2.5e+1", "123456789012345678",
        "12345678901234567890123", "0.1000000000000000055511151231257827", "1e999", "-1e-999",
        "7", "100.000", "3.14159265358979323846"};
    String[] texts = {"\"black-alone\"", "\"\"", "\"Côte-des-Neiges\"", "\"Sandtown\\u2013Winchester\"",
        "\"tab\\there\"", "\"quote \\\" inside\"", "\"Ñandú 𝄞\"", "null", "true", "false",
        "{\"a\":1}", "[1,2]", "17"};
    if (kind.endsWith("plain")) { // what the flat fast path reads: no escapes, literals, nesting
      texts = new String[] {"\"black-alone\"", "\"\"", "\"Côte-des-Neiges\"", "\"Ñandú 𝄞\"", "17",
          "\"white-alone-nh\"", "-3.5e2"};
    } else if (kind.endsWith("escapes")) { // what Jackson's fast path reads: escapes too
      texts = java.util.Arrays.copyOf(texts, 7);
    }
    StringBuilder b = new StringBuilder("{");
    b.append("\"indicator\":\"poverty-rate\",\"geoLevel\":\"tract\",\"geoId\":\"")
        .append(String.format("24510%06d", i / 4 % 100000)).append("\",\"period\":\"2018/2022\"");
    switch (i % 9) {
      case 0 -> b.append(",\"raceEthnicity\":").append(texts[i / 9 % texts.length]);
      case 1 -> b.append(" , \"value\" : ").append(numbers[i / 9 % numbers.length]).append(' ');
      case 2 -> b.append(",\"moe\":").append(numbers[(i / 9 + 5) % numbers.length]);
      case 3 -> b.append(",\"geoName\":").append(texts[(i / 9 + 2) % texts.length]);
      case 4 -> b.append(",\"x-source\":").append(texts[(i / 9 + 4) % texts.length]);
      case 5 -> b.append(",\"numerator\":").append(texts[(i / 9 + 1) % texts.length]);
      case 6 -> b.append(",\"note\":\"").append("n".repeat(r.nextInt(80))).append('"');
      case 7 -> b.append(",\"unknownThing\":").append(numbers[i / 9 % numbers.length]);
      default -> b.append(",\"value\":").append(r.nextInt(1000) / 10.0)
          .append(",\"denominator\":").append(r.nextInt(5000));
    }
    return b.append("}").toString();
  }

  static byte[] ndjson(int rows, String eol, Map<Integer, String> replace) {
    Random r = new Random(9);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      sb.append(replace.getOrDefault(i, json(r, i))).append(eol);
      if (i % 400 == 0) {
        sb.append("  \t").append(eol);
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] withBytes(byte[] data, int at, byte[] insert) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(data, 0, at);
    b.write(insert, 0, insert.length);
    b.write(data, at, data.length - at);
    return b.toByteArray();
  }

  static byte[] input(String kind) {
    return switch (kind) {
      case "csv-clean" -> csv(12_000, "\n", Map.of());
      case "csv-crlf" -> csv(12_000, "\r\n", Map.of());
      case "csv-unquoted" -> csv(12_000, "\n", Map.of(), false);
      case "csv-unquoted-crlf" -> csv(12_000, "\r\n", Map.of(
          2_000, "poverty-rate,tract,24510010100,,2018/2022,,1,2",
          5_000, "poverty-rate,tract,24510010100,,2018/2022,,1,1,1,1,,,extra",
          9_000, "   "), false);
      case "csv-troubles" -> {
        byte[] b = csv(12_000, "\n", Map.of(
            3_000, "poverty-rate,tract,24510010100,,2018/2022,,1,2",
            8_000, "poverty-rate,tract,24510010100,\"unterminated,2018/2022,,1,1,1,1,,",
            10_000, HEADER));
        // an invalid UTF-8 byte in the middle of a later row
        int at = new String(b, StandardCharsets.ISO_8859_1).indexOf("\n", b.length / 3) + 20;
        yield withBytes(b, at, new byte[] {(byte) 0xE9});
      }
      case "csv-bad-utf8" -> {
        byte[] b = csv(12_000, "\n", Map.of(5_000, csvRow(new Random(1), 3)));
        int at = new String(b, StandardCharsets.ISO_8859_1).indexOf("\n", b.length / 2) + 25;
        yield withBytes(withBytes(b, at, new byte[] {(byte) 0xC3, (byte) 0x28}), at / 2,
            new byte[] {(byte) 0xFF});
      }
      case "csv-lone-cr" -> {
        byte[] b = csv(12_000, "\n", Map.of());
        int at = new String(b, StandardCharsets.ISO_8859_1).indexOf("\n", b.length / 2);
        b[at] = '\r';
        yield b;
      }
      case "csv-huge-field" -> csv(12_000, "\n", Map.of(6_000,
          "poverty-rate,tract,24510010100,\"" + "x".repeat(17 << 20) + "\",2018/2022,,1,,,,,"));
      case "ndjson-clean" -> ndjson(12_000, "\n", Map.of());
      case "ndjson-crlf" -> ndjson(12_000, "\r\n", Map.of());
      case "ndjson-varied", "ndjson-varied-plain", "ndjson-varied-escapes" -> {
        Random r = new Random(11);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12_000; i++) {
          sb.append(variedJson(r, i, kind)).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        yield sb.toString().getBytes(StandardCharsets.UTF_8);
      }
      case "ndjson-troubles" -> {
        byte[] b = ndjson(12_000, "\n", Map.of(
            1_000, "{\"indicator\":\"poverty-rate\" \"geoLevel\":\"tract\"}",
            2_000, "[1,2,3]",
            11_000, "{\"indicator\":\"poverty-rate\",\"geoLevel\":null,\"geoId\":\"1\",\"period\":\"2022\",\"value\":1}",
            4_000, "{\"indicator\":\"a\",\"indicator\":\"b\"}",
            5_000, "{\"indicator\":\"poverty-rate\",\n\"geoLevel\":\"tract\"}",
            6_000, "{\"x-meta\":{\"a\":1},\"indicator\":\"poverty-rate\"} {\"indicator\":\"p\"}",
            7_000, "{\"indicator\":\"poverty-rate\",\"value\":\"12\",\"moe\":1e999,\"geoId\":24510}",
            8_000, "{\"indicator\":\"poverty-rate\"\r,\"geoLevel\":\"tract\",\"geoId\":\"24510010100\"}"));
        yield withBytes(b, b.length / 2 + 7, new byte[] {(byte) 0xE9});
      }
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv-clean", "csv-crlf", "csv-unquoted", "csv-unquoted-crlf", "csv-troubles", "csv-bad-utf8", "csv-lone-cr",
      "csv-huge-field", "ndjson-clean", "ndjson-crlf", "ndjson-varied", "ndjson-varied-plain", "ndjson-varied-escapes", "ndjson-troubles"})
  void chunkedReadingGivesTheSequentialReport(String kind) throws IOException {
    byte[] data = input(kind);
    assertThat(data.length).as("spans several chunks").isGreaterThan(3 << 18); // more than three chunks
    ObservationFormat format = kind.startsWith("csv") ? ObservationFormat.CSV
        : ObservationFormat.NDJSON;
    Path f = temp.resolve("observations." + format.name().toLowerCase(java.util.Locale.ROOT));
    Files.write(f, data);
    ValidationReport sequential = run(new FileObservationSource(f.getFileName().toString(),
        format, () -> Files.newInputStream(f)));
    long[] before = reads();
    ValidationReport chunked = run(new ChunkedFileSource(f.getFileName().toString(), format,
        () -> Files.newInputStream(f)));
    long[] after = reads();
    // the fast path meant for each kind of input did read some of it (the other tests' runs in
    // parallel can only add to the counts, never hide a path that was not taken)
    ChunkedFileSource.Path expected = switch (kind) {
      case "csv-unquoted", "csv-unquoted-crlf" -> ChunkedFileSource.Path.CSV_BYTES;
      case "csv-clean", "csv-crlf" -> ChunkedFileSource.Path.CSV_COMMONS;
      case "ndjson-clean", "ndjson-crlf", "ndjson-varied-plain" -> ChunkedFileSource.Path.NDJSON_FLAT;
      case "ndjson-varied-escapes" -> ChunkedFileSource.Path.NDJSON_JACKSON;
      default -> ChunkedFileSource.Path.SDK_READER;
    };
    assertThat(after[expected.ordinal()]).as("chunks read by " + expected)
        .isGreaterThan(before[expected.ordinal()]);
    assertThat(chunked.summary()).isEqualTo(sequential.summary());
    assertThat(chunked.findings().size()).isEqualTo(sequential.findings().size());
    for (int i = 0; i < sequential.findings().size(); i++) {
      assertThat(chunked.findings().get(i)).as(sequential.findings().get(i).code())
          .isEqualTo(sequential.findings().get(i));
    }
    assertThat(chunked).isEqualTo(sequential);
    assertThat(sequential.summary().rows()).isGreaterThan(2_500);
  }

  /**
   * The same, when the file arrives in reads of random length (1 byte to 80 KiB), as a pipe or a
   * network stream delivers it: the splitter's read boundaries then fall inside CRLF pairs, quoted
   * fields and multi-byte characters, and the chunks it hands over (their buffers, and the bytes
   * carried into the next buffer) must still give the sequential report.
   */
  @ParameterizedTest
  @ValueSource(strings = {"csv-crlf", "csv-unquoted-crlf", "csv-troubles", "csv-lone-cr", "ndjson-crlf",
      "ndjson-varied", "ndjson-troubles"})
  void readsOfAnyLengthGiveTheSequentialReport(String kind) throws IOException {
    byte[] data = input(kind);
    ObservationFormat format = kind.startsWith("csv") ? ObservationFormat.CSV : ObservationFormat.NDJSON;
    String name = "observations." + format.name().toLowerCase(java.util.Locale.ROOT);
    ValidationReport sequential = run(new FileObservationSource(name, format,
        () -> new java.io.ByteArrayInputStream(data)));
    ValidationReport chunked = run(new ChunkedFileSource(name, format, () -> new ShortReads(data, kind.hashCode())));
    assertThat(chunked).isEqualTo(sequential);
    assertThat(sequential.summary().rows()).isGreaterThan(2_500);
  }

  /** Gives at most a random number of bytes per read. */
  private static final class ShortReads extends java.io.InputStream {
    private final byte[] data;
    private final Random random;
    private int pos;

    ShortReads(byte[] data, long seed) {
      this.data = data;
      this.random = new Random(seed);
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos >= data.length) {
        return -1;
      }
      int limit = random.nextInt(4) == 0 ? 1 + random.nextInt(8) : 1 + random.nextInt(80 << 10);
      int n = Math.min(Math.min(len, limit), data.length - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  static long[] reads() {
    ChunkedFileSource.Path[] paths = ChunkedFileSource.Path.values();
    long[] counts = new long[paths.length];
    for (ChunkedFileSource.Path p : paths) {
      counts[p.ordinal()] = ChunkedFileSource.reads(p);
    }
    return counts;
  }

  static ValidationReport run(ObservationSource source) throws IOException {
    FeedContext ctx = FeedContext.builder().input("test")
        .indicators(CoreCatalogue.indicators()).codelists(StandardCodelists.all()).build();
    Engine engine = new Engine(RuleCatalogue.builtIn(),
        ValidatorOptions.defaults().withExampleCap(1_000_000));
    return engine.run("test", ctx, engine.newCollector(), List.of(source), Map.of(),
        ProgressListener.NONE);
  }
}
