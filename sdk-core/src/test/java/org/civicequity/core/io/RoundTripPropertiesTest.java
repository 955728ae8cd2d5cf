package org.civicequity.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;

/** Writing observations and reading them back gives the same observations, in every format. */
class RoundTripPropertiesTest {
  static final SourceLocation NOWHERE = SourceLocation.ofFile("x");

  @Property(tries = 100)
  void csvRoundTrip(@ForAll("observations") @Size(max = 8) List<Observation> rows)
      throws IOException {
    assertThat(roundTrip(rows, ObservationFormat.CSV)).isEqualTo(strip(rows));
  }

  @Property(tries = 100)
  void ndjsonRoundTrip(@ForAll("observations") @Size(max = 8) List<Observation> rows)
      throws IOException {
    assertThat(roundTrip(rows, ObservationFormat.NDJSON)).isEqualTo(strip(rows));
  }

  @Property(tries = 100)
  void jsonRoundTrip(@ForAll("observations") @Size(max = 8) List<Observation> rows)
      throws IOException {
    assertThat(roundTrip(rows, ObservationFormat.JSON)).isEqualTo(strip(rows));
  }

  @Property(tries = 100)
  void writingIsDeterministic(@ForAll("observations") @Size(max = 5) List<Observation> rows)
      throws IOException {
    for (ObservationFormat f : ObservationFormat.values()) {
      assertThat(write(rows, f)).isEqualTo(write(rows, f));
    }
  }

  static List<Observation> roundTrip(List<Observation> rows, ObservationFormat format)
      throws IOException {
    byte[] bytes = write(rows, format);
    List<Observation> back = new ArrayList<>();
    try (ObservationReader r = ObservationReader.of(new ByteArrayInputStream(bytes), "f", format,
        ReadOptions.defaults())) {
      r.forEachRemaining(back::add);
      assertThat(r.problems()).isEmpty();
    }
    return strip(back);
  }

  static byte[] write(List<Observation> rows, ObservationFormat format) throws IOException {
    TreeSet<String> extra = new TreeSet<>();
    rows.forEach(o -> extra.addAll(o.extra().keySet()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObservationWriter w = ObservationWriter.of(out, format, List.copyOf(extra))) {
      for (Observation o : rows) {
        w.write(o);
      }
    }
    return out.toByteArray();
  }

  static List<Observation> strip(List<Observation> rows) {
    List<Observation> out = new ArrayList<>();
    for (Observation o : rows) {
      out.add(new Observation(o.indicator(), o.geoLevel(), o.geoId(), o.geoName(), o.period(),
          o.raceEthnicity(), o.sex(), o.age(), o.income(), o.disability(), o.nativity(),
          o.value(), o.moe(), o.lower(), o.upper(), o.numerator(), o.denominator(), o.status(),
          o.note(), o.unparsed(), o.extra(), NOWHERE));
    }
    return out;
  }

  @Provide
  Arbitrary<List<Observation>> observations() {
    Arbitrary<String> text = Arbitraries.strings()
        .withChars("abcxyz-_ ,;\"'\r\n\t0123456789.#\\/")
        .withCharRange('\u00e0', '\u00ff')
        .withChars("\u20ac\u4e2d\ufeff\ufffd")
        .ofMinLength(1).ofMaxLength(12)
        .injectNull(0.3);
    Arbitrary<Double> number = Arbitraries.oneOf(
            Arbitraries.doubles().between(-1e6, 1e6),
            Arbitraries.integers().between(-100_000, 100_000).map(Integer::doubleValue),
            Arbitraries.of(1e-7, 123456789012.5, 1e20, Double.MAX_VALUE, Double.MIN_VALUE, 0.1))
        .filter(d -> !(d == 0 && 1 / d < 0))
        .injectNull(0.3);
    Arbitrary<Map<String, String>> extras = Arbitraries.maps(
        Arbitraries.of("x-a", "x-b", "x-source", "other"), text.filter(s -> s != null))
        .ofMaxSize(2);
    Arbitrary<List<String>> texts = text.list().ofSize(13);
    Arbitrary<List<Double>> numbers = number.list().ofSize(6);
    return Combinators.combine(texts, numbers, extras).as((t, n, x) -> new Observation(
        t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5), t.get(6), t.get(7),
        t.get(8), t.get(9), t.get(10), n.get(0), n.get(1), n.get(2), n.get(3), n.get(4),
        n.get(5), t.get(11), t.get(12), Map.of(), new TreeMap<>(x), NOWHERE)).list();
  }
}
