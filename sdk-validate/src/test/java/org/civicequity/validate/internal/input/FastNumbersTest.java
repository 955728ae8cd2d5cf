package org.civicequity.validate.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;
import org.civicequity.core.Numbers;

/** The fast number path gives exactly what {@link Numbers#parse} gives, for any text. */
class FastNumbersTest {

  @Property(tries = 1500)
  void agreesWithTheSdkOnNumberLikeText(@ForAll("numberLike") String s) {
    assertThat(FastNumbers.parse(s)).as(s).isEqualTo(Numbers.parse(s));
  }

  @Property(tries = 1000)
  void agreesOnPrintedDoubles(@ForAll double d) {
    String s = Double.toString(d);
    assertThat(FastNumbers.parse(s)).as(s).isEqualTo(Numbers.parse(s));
    String plain = new java.math.BigDecimal(d).toPlainString();
    assertThat(FastNumbers.parse(plain)).as(plain).isEqualTo(Numbers.parse(plain));
  }

  @Example
  void edgeCases() {
    for (String s : new String[] {"", "-", "+", ".", "-.", "0", "-0", "-0.0", ".5", "5.", "00012",
        "0.1", "20.5", "999999999999999", "9999999999999999", "0.0000000000000000000001",
        "1.7976931348623157", "1e5", " 1", "1 ", "1,5", "NaN", "--1", "1..2", "+7.25"}) {
      assertThat(FastNumbers.parse(s)).as(s).isEqualTo(Numbers.parse(s));
    }
  }

  @Provide
  Arbitrary<String> numberLike() {
    return Arbitraries.strings().withChars("0123456789.-+eE ").ofMinLength(0).ofMaxLength(30)
        .injectDuplicates(0.01);
  }
}
