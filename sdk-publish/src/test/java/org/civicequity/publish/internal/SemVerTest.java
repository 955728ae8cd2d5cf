package org.civicequity.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Semantic versions: parsing, SemVer 2.0.0 precedence and the next version of each kind. */
class SemVerTest {
  private static SemVer v(String s) {
    return SemVer.parse(s).orElseThrow(() -> new AssertionError("not a semantic version: " + s));
  }

  @Test
  void parsesOnlySemanticVersions() {
    assertThat(SemVer.parse("1.4.2")).map(SemVer::toString).contains("1.4.2");
    assertThat(SemVer.parse("1.0.0-rc.1+build.5")).map(SemVer::toString).contains("1.0.0-rc.1+build.5");
    for (String bad : List.of("2024-05-01", "1.4", "01.4.2", "1.4.2-", "v1.4.2", "1.4.2-01", "")) {
      assertThat(SemVer.parse(bad)).as(bad).isEmpty();
    }
    assertThat(SemVer.parse(null)).isEmpty();
  }

  @Test
  void ordersBySemverPrecedence() {
    // the example of the SemVer 2.0.0 specification, §11
    List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
        "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.2.0", "1.10.0", "2.0.0");
    List<SemVer> shuffled = new ArrayList<>(ordered.stream().map(SemVerTest::v).toList());
    Collections.reverse(shuffled);
    Collections.sort(shuffled);
    assertThat(shuffled.stream().map(SemVer::toString).toList()).isEqualTo(ordered);
    assertThat(v("1.4.2+build.7").compareTo(v("1.4.2"))).isZero();
  }

  @Test
  void nextVersionOfEachKind() {
    assertThat(v("1.4.2").next("major")).hasToString("2.0.0");
    assertThat(v("1.4.2").next("minor")).hasToString("1.5.0");
    assertThat(v("1.4.2+b").next("patch")).hasToString("1.4.3");
    // a pre-release of that kind is released
    assertThat(v("2.0.0-rc.1").next("major")).hasToString("2.0.0");
    assertThat(v("1.5.0-rc.1").next("minor")).hasToString("1.5.0");
    assertThat(v("1.5.0-rc.1").next("major")).hasToString("2.0.0");
    assertThat(v("1.4.3-rc.1").next("patch")).hasToString("1.4.3");
    assertThat(v("1.4.3-rc.1").next("minor")).hasToString("1.5.0");
    for (String kind : List.of("major", "minor", "patch")) {
      for (String s : List.of("0.0.0", "1.4.2", "1.4.3-rc.1", "2.0.0-alpha")) {
        assertThat(v(s).next(kind)).as(s + " " + kind).isGreaterThan(v(s));
      }
    }
  }
}
