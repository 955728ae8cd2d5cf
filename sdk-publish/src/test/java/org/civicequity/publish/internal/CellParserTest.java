package org.civicequity.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.civicequity.core.Numbers;
import org.civicequity.publish.internal.MappingModel.MarkerRule;
import org.civicequity.publish.internal.MappingModel.Markers;

/** The cell parser's fast path for plain decimals reads exactly what the general path reads. */
class CellParserTest {
  private final CellParser dot = new CellParser(new Markers(List.of(), Map.of()), ',', '.');
  private final CellParser comma = new CellParser(new Markers(List.of(), Map.of()), '.', ',');

  @Provide
  Arbitrary<String> decimals() {
    Arbitrary<String> sign = Arbitraries.of("", "-");
    Arbitrary<String> whole = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(16);
    Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(16).map(f -> "." + f));
    return Combinators.combine(sign, whole, fraction).as((s, w, f) -> s + w + f);
  }

  @Property(tries = 3000)
  void plainDecimalsReadAsDoubleParseDouble(@ForAll("decimals") String text) {
    Double fast = CellParser.plainDecimal(text);
    if (fast != null) {
      assertThat(Double.doubleToRawLongBits(fast)).as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
    assertThat(dot.number(text)).as(text).isEqualTo(Numbers.parse(text));
  }

  @Property(tries = 1000)
  void everyShortDecimalTakesTheFastPath(@ForAll("decimals") String text) {
    long digits = text.chars().filter(Character::isDigit).count();
    if (digits <= 15) {
      assertThat(CellParser.plainDecimal(text)).as(text).isNotNull();
    }
  }

  @Example
  void whatIsNotAPlainDecimalGoesTheGeneralWay() {
    for (String t : List.of("", "-", ".5", "5.", "1e3", "+4", " 12", "1,234", "$12", "12%", "1.2.3", "NaN", "--1")) {
      assertThat(CellParser.plainDecimal(t)).as(t).isNull();
    }
    assertThat(dot.number("1,234.5")).isEqualTo(1234.5);
    assertThat(dot.number("-0")).isEqualTo(-0.0);
    assertThat(dot.number("12%")).isEqualTo(12.0);
    // with a decimal comma, a point is not a decimal point
    assertThat(comma.number("12.5")).isNull();
    assertThat(comma.number("12,5")).isEqualTo(12.5);
    assertThat(comma.number("12")).isEqualTo(12.0);
  }

  @Example
  void markersComeBeforeNumbers() {
    CellParser p = new CellParser(new Markers(List.of(new MarkerRule(Set.of("-999"), null, "suppressed", null, null)),
        Map.of()), null, '.');
    assertThat(p.value("-999", "x").status()).isEqualTo("suppressed");
    assertThat(p.value("-999", "x").number()).isNull();
    assertThat(p.value("-998", "x").number()).isEqualTo(-998.0);
  }

  private final CellParser marked = new CellParser(new Markers(List.of(
      new MarkerRule(Set.of("-999", "NA"), null, "suppressed", null, null)), Map.of("-555555555", 0.0)), ',', '.');

  @Provide
  Arbitrary<String> cells() {
    return Arbitraries.oneOf(decimals(), Arbitraries.of("", " ", "-999", "NA", "-555555555", "*****", "1,234", "12%",
        " 7.5 ", "=\"12\"", "$3", "1e3", "-0"));
  }

  private final CellParser moeMarked = new CellParser(new Markers(List.of(
      new MarkerRule(Set.of("NA"), null, "suppressed", null, null)), Map.of("-555555555", 0.0)), ',', '.');

  /**
   * Whether a column has a marker that looks like a number (then nothing takes the shortcut) or
   * only margins of error do, the shortcut only takes a cell that the parser reads as a plain
   * number, no marker.
   */
  @Property(tries = 3000)
  void theShortcutForPlainNumbersAgreesWithTheCellParser(@ForAll("cells") String text) {
    for (CellParser parser : List.of(marked, moeMarked)) {
      for (boolean moe : new boolean[] {false, true}) {
        double fast = parser.plainNumber(text, "x", moe);
        CellParser.Cell cell = moe ? parser.moe(text, "x") : parser.value(text, "x");
        if (!Double.isNaN(fast)) {
          assertThat(cell.number()).as(text).isNotNull();
          assertThat(Double.doubleToRawLongBits(cell.number())).as(text).isEqualTo(Double.doubleToRawLongBits(fast));
          assertThat(cell.status()).as(text).isNull();
          assertThat(cell.note()).as(text).isNull();
          assertThat(cell.marker()).as(text).isFalse();
        }
      }
    }
  }

  @Example
  void theShortcutLeavesMarkersToTheParser() {
    // a column where a plain decimal (-999) is a marker: every cell goes the general way
    assertThat(marked.plainNumber("-999", "x", false)).isNaN();
    assertThat(marked.plainNumber("12", "x", false)).isNaN();
    // a margin-of-error marker that looks like a number is a marker only in margins of error
    assertThat(moeMarked.plainNumber("-555555555", "x", true)).isNaN();
    assertThat(moeMarked.plainNumber("-555555555", "x", false)).isEqualTo(-555555555.0);
    assertThat(moeMarked.plainNumber("", "x", false)).isNaN();
    assertThat(moeMarked.plainNumber("NA", "x", false)).isNaN();
    assertThat(moeMarked.plainNumber(" 7.5 ", "x", false)).isEqualTo(7.5);
    assertThat(moeMarked.plainNumber("1,234", "x", false)).isNaN();
    // with a decimal comma, the general way reads every number
    assertThat(comma.plainNumber("7", "x", false)).isNaN();
  }
}
