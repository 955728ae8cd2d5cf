package org.civicequity.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.civicequity.core.Numbers;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@link ObservationWriter} writes exactly the bytes that commons-csv's printer and Jackson's
 * generator write for the same rows (the writer encodes plain ASCII itself and hands every other
 * text to those libraries): a published feed's bytes do not depend on the writer's fast path.
 */
class ObservationWriterBytesTest {
  private static final SourceLocation NOWHERE = SourceLocation.ofFile("x");

  @Property(tries = 300)
  void csvBytesAreCommonsCsvBytes(@ForAll("observations") @Size(max = 12) List<Observation> rows)
      throws IOException {
    List<String> extra = extraColumns(rows);
    assertThat(asText(write(rows, ObservationFormat.CSV, extra))).isEqualTo(asText(referenceCsv(rows, extra)));
    assertThat(write(rows, ObservationFormat.CSV, extra)).isEqualTo(referenceCsv(rows, extra));
  }

  @Property(tries = 300)
  void ndjsonBytesAreJacksonBytes(@ForAll("observations") @Size(max = 12) List<Observation> rows)
      throws IOException {
    assertThat(asText(write(rows, ObservationFormat.NDJSON, List.of())))
        .isEqualTo(asText(referenceJson(rows, ObservationFormat.NDJSON)));
    assertThat(write(rows, ObservationFormat.NDJSON, List.of())).isEqualTo(referenceJson(rows, ObservationFormat.NDJSON));
  }

  @Property(tries = 100)
  void jsonArrayBytesAreJacksonBytes(@ForAll("observations") @Size(max = 6) List<Observation> rows)
      throws IOException {
    assertThat(write(rows, ObservationFormat.JSON, List.of())).isEqualTo(referenceJson(rows, ObservationFormat.JSON));
  }

  @Example
  void manyRowsCrossTheBufferBoundaryUnchanged() throws IOException {
    List<Observation> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      rows.add(new Observation("poverty-rate", "tract", String.format("24510%06d", i), i % 97 == 0 ? "Zoë, \"Park\"" : null,
          "2018/2022", i % 3 == 0 ? "black-alone" : null, null, null, null, null, null, i % 11 == 0 ? null : i / 7.0,
          i % 5 == 0 ? -0.0 : 1.5, null, null, (double) i, 1e15 + i, i % 11 == 0 ? "suppressed" : null,
          i % 13 == 0 ? "note\nwith a line break" : null, i % 17 == 0 ? Map.of("upper", "n/a") : Map.of(),
          i % 19 == 0 ? Map.of("x-source", "row " + i) : Map.of(), NOWHERE));
    }
    List<String> extra = List.of("x-source");
    assertThat(write(rows, ObservationFormat.CSV, extra)).isEqualTo(referenceCsv(rows, extra));
    assertThat(write(rows, ObservationFormat.NDJSON, List.of())).isEqualTo(referenceJson(rows, ObservationFormat.NDJSON));
    assertThat(write(rows, ObservationFormat.JSON, List.of())).isEqualTo(referenceJson(rows, ObservationFormat.JSON));
  }

  /**
   * Rows whose texts are a few shared instances (as converted and read feeds share codes, periods
   * and GEOIDs), so that the writer's table of recent texts sees each one many times: plain ones,
   * ones CSV must quote, ones JSON must escape, and more than the table has slots.
   */
  @Property(tries = 50)
  void repeatedTextInstancesGiveTheLibrariesBytes(@ForAll long seed) throws IOException {
    java.util.Random rnd = new java.util.Random(seed);
    String[] pool = new String[600];
    String[] odd = {"#hash", " lead", "trail ", "a,b", "say \"hi\"", "back\\slash", "Zoë", "tab\there", "~", "x"};
    for (int i = 0; i < pool.length; i++) {
      pool[i] = new String(i < odd.length ? odd[i] : "code-" + i);
    }
    List<Observation> rows = new ArrayList<>();
    int spread = 1 + rnd.nextInt(pool.length);
    for (int i = 0; i < 3_000; i++) {
      rows.add(new Observation(pool[rnd.nextInt(spread)], "tract", pool[rnd.nextInt(spread)],
          rnd.nextInt(4) == 0 ? pool[rnd.nextInt(spread)] : null, pool[rnd.nextInt(Math.min(spread, 12))],
          rnd.nextBoolean() ? pool[rnd.nextInt(spread)] : null, null, null, null, null, null, (double) i, null, null,
          null, null, null, rnd.nextInt(9) == 0 ? "suppressed" : null,
          rnd.nextInt(5) == 0 ? pool[rnd.nextInt(spread)] : null, Map.of(), Map.of(), NOWHERE));
    }
    assertThat(write(rows, ObservationFormat.CSV, List.of())).isEqualTo(referenceCsv(rows, List.of()));
    assertThat(write(rows, ObservationFormat.NDJSON, List.of())).isEqualTo(referenceJson(rows, ObservationFormat.NDJSON));
  }

  @Example
  void emptyFiles() throws IOException {
    assertThat(asText(write(List.of(), ObservationFormat.JSON, List.of()))).isEqualTo("[]\n");
    assertThat(write(List.of(), ObservationFormat.NDJSON, List.of())).isEmpty();
    assertThat(write(List.of(), ObservationFormat.CSV, List.of("x-a"))).isEqualTo(referenceCsv(List.of(), List.of("x-a")));
  }

  private static String asText(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static List<String> extraColumns(List<Observation> rows) {
    TreeSet<String> extra = new TreeSet<>();
    rows.forEach(o -> extra.addAll(o.extra().keySet()));
    return List.copyOf(extra);
  }

  private static byte[] write(List<Observation> rows, ObservationFormat format, List<String> extra) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObservationWriter w = ObservationWriter.of(out, format, extra)) {
      for (Observation o : rows) {
        w.write(o);
      }
    }
    return out.toByteArray();
  }

  // ------------------------------------------------------------------ the reference encoders

  /** CSV as commons-csv prints it: every cell through a CSVPrinter over a UTF-8 writer. */
  private static byte[] referenceCsv(List<Observation> rows, List<String> extra) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<String> columns = new ArrayList<>(Observation.FIELDS);
    columns.addAll(extra);
    try (Writer w = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
      p.printRecord(columns);
      for (Observation o : rows) {
        List<String> cells = new ArrayList<>();
        for (String c : columns) {
          String v = Observation.FIELDS.contains(c) ? o.text(c) : o.extra().get(c);
          if (v == null && Observation.FIELDS.contains(c)) {
            v = o.unparsed().get(c);
          }
          cells.add(v == null ? "" : v);
        }
        p.printRecord(cells);
      }
    }
    return bytes.toByteArray();
  }

  /** JSON as Jackson's generator writes it over a UTF-8 writer. */
  private static byte[] referenceJson(List<Observation> rows, ObservationFormat format) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JsonFactory factory = JsonFactory.builder().rootValueSeparator((String) null).build();
    try (OutputStream closeable = bytes;
        Writer w = new BufferedWriter(new OutputStreamWriter(closeable, StandardCharsets.UTF_8));
        JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), w)) {
      if (format == ObservationFormat.JSON) {
        g.flush();
        w.write('[');
      }
      int n = 0;
      for (Observation o : rows) {
        if (format == ObservationFormat.JSON) {
          g.flush();
          w.write(n == 0 ? "\n" : ",\n");
        }
        g.writeStartObject();
        for (String f : Observation.FIELDS) {
          if (Observation.NUMERIC_FIELDS.contains(f) && o.number(f) != null) {
            g.writeName(f);
            g.writeNumber(Numbers.format(o.number(f)));
          } else if (!Observation.NUMERIC_FIELDS.contains(f) && o.text(f) != null) {
            g.writeStringProperty(f, o.text(f));
          } else if (o.unparsed().get(f) != null) {
            g.writeStringProperty(f, o.unparsed().get(f));
          }
        }
        for (Map.Entry<String, String> e : new TreeMap<>(o.extra()).entrySet()) {
          g.writeStringProperty(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.flush();
        if (format == ObservationFormat.NDJSON) {
          w.write('\n');
        }
        n++;
      }
      g.flush();
      if (format == ObservationFormat.JSON) {
        w.write(n == 0 ? "]\n" : "\n]\n");
      }
    }
    return bytes.toByteArray();
  }

  @Provide
  Arbitrary<List<Observation>> observations() {
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.strings().withChars("abcxyz-_ ,;\"'\r\n\t0123456789.#!\\/~`{}()")
            .withCharRange('\u0000', '\u0040')
            .withCharRange('\u007b', '\u00a0')
            .withChars("\u00e9\u20ac\u4e2d\ufeff\ufffd\u2028\ud83d\ude00\ud800\udfff")
            .ofMinLength(0).ofMaxLength(10),
        Arbitraries.of("", " ", "#", "!x", "a ", " a", "-", "2018/2022", "black-alone", "x\u0000y"))
        .injectNull(0.4);
    Arbitrary<Double> number = Arbitraries.oneOf(
            Arbitraries.doubles().between(-1e6, 1e6),
            Arbitraries.integers().between(-100_000, 100_000).map(Integer::doubleValue),
            Arbitraries.of(-0.0, 1e-7, 123456789012.5, 1e15, 999999999999999.0, -1e15, 1e20, Double.MAX_VALUE,
                Double.MIN_VALUE, 0.1, Long.MAX_VALUE * 1.0))
        .injectNull(0.4);
    Arbitrary<Map<String, String>> unparsed = Arbitraries.maps(
        Arbitraries.of("value", "moe", "indicator", "note"), text.filter(s -> s != null)).ofMaxSize(2);
    Arbitrary<Map<String, String>> extras = Arbitraries.maps(
        Arbitraries.of("x-a", "x-b", "x-source", "other", "x-é\"q"), text.filter(s -> s != null))
        .ofMaxSize(2);
    Arbitrary<List<String>> texts = text.list().ofSize(13);
    Arbitrary<List<Double>> numbers = number.list().ofSize(6);
    return Combinators.combine(texts, numbers, unparsed, extras).as((t, n, u, x) -> new Observation(
        t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5), t.get(6), t.get(7),
        t.get(8), t.get(9), t.get(10), n.get(0), n.get(1), n.get(2), n.get(3), n.get(4),
        n.get(5), t.get(11), t.get(12), u, new TreeMap<>(x), NOWHERE)).list();
  }
}
