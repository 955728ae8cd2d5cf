package org.civicequity.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The byte-level path of {@link CsvTable} ({@link PlainLines}, then commons-csv from the first line
 * that is not plain) reads every file as commons-csv alone reads it: the same cells, line numbers
 * and errors.
 */
class CsvTableTest {

  /** Texts made of the pieces that matter to a CSV reader: delimiters, quotes, line breaks, non-ASCII. */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> piece = Arbitraries.of("a", "b", "Poverty rate", "12.5", "24001000100", "", " ", ",", ",",
        ";", "\t", "\n", "\n", "\r\n", "\r", "\"", "\"x\"", "\"a,b\"", "\"line\nbreak\"", "é", "\u00a0", "€", "=\"007\"",
        "\uFEFF");
    return piece.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void readsWhatCommonsCsvReads(@ForAll("texts") String text) throws IOException {
    for (char delimiter : new char[] {',', ';', '\t'}) {
      for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("windows-1252"))) {
        if (!cs.newEncoder().canEncode(text)) {
          continue;
        }
        compare(text.getBytes(cs), delimiter, cs);
        // with a UTF-8 byte order mark, and with a large file so lines cross the buffer
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        if (cs == StandardCharsets.UTF_8) {
          compare(bom, delimiter, cs);
        }
      }
    }
  }

  @Test
  void longFilesAndLongLinesCrossTheBuffer() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 60_000; i++) {
      sb.append("24001").append(i % 977).append(",Poverty rate,2022,").append(i % 10 == 0 ? "All" : "Black")
          .append(',').append(i * 0.1).append(i % 3 == 0 ? "\r\n" : "\n");
      if (i == 30_000) {
        sb.append("x".repeat(3_000_000)).append(",long\n");
      }
    }
    String plain = sb.toString();
    compare(plain.getBytes(StandardCharsets.UTF_8), ',', StandardCharsets.UTF_8);
    // a quoted line late in the file: commons-csv takes over there
    compare((plain + "\"a\nb\",c\nd,e\n").getBytes(StandardCharsets.UTF_8), ',', StandardCharsets.UTF_8);
    compare((plain + "é,c\nd,e").getBytes(StandardCharsets.UTF_8), ',', StandardCharsets.UTF_8);
  }

  @Test
  void repeatedCellsAreShared() throws IOException {
    Path f = Files.createTempFile("plain", ".csv");
    try {
      StringBuilder sb = new StringBuilder("GEOID,Measure,Value\n");
      for (int i = 0; i < 10_000; i++) {
        sb.append("2400100").append(i / 100).append(",Poverty rate,").append(i).append('\n');
      }
      Files.writeString(f, sb);
      List<Table.RawRow> rows = read(f, ',', StandardCharsets.UTF_8, true);
      assertThat(rows).hasSize(10_001);
      assertThat(rows.get(5).cells().get(1)).isSameAs(rows.get(9_000).cells().get(1));
      assertThat(rows.get(5).cells().get(0)).isSameAs(rows.get(6).cells().get(0)).isEqualTo("24001000");
      assertThat(rows.get(9_999).cells()).containsExactly("240010099", "Poverty rate", "9998");
    } finally {
      Files.delete(f);
    }
  }

  @Test
  void invalidBytesAfterPlainLinesAreReportedOnTheirLine() throws IOException {
    Path f = Files.createTempFile("plain", ".csv");
    try {
      byte[] head = "a,b\nc,d\ne,f\n".getBytes(StandardCharsets.UTF_8);
      byte[] bad = {'g', ',', (byte) 0xC3, '(', '\n'};
      byte[] all = new byte[head.length + bad.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(bad, 0, all, head.length, bad.length);
      Files.write(f, all);
      String fast = error(f, true);
      assertThat(fast).isEqualTo(error(f, false)).contains(":4:");
    } finally {
      Files.delete(f);
    }
  }

  private static String error(Path f, boolean fast) {
    try {
      read(f, ',', StandardCharsets.UTF_8, fast);
    } catch (IOException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error");
  }

  private static void compare(byte[] bytes, char delimiter, Charset cs) throws IOException {
    Path f = Files.createTempFile("plain", ".csv");
    try {
      Files.write(f, bytes);
      Object expected;
      try {
        expected = read(f, delimiter, cs, false);
      } catch (IOException e) {
        expected = e.getMessage();
      }
      Object actual;
      try {
        actual = read(f, delimiter, cs, true);
      } catch (IOException e) {
        actual = e.getMessage();
      }
      assertThat(actual).as("%s, delimiter %s", cs, (int) delimiter).isEqualTo(expected);
    } finally {
      Files.delete(f);
    }
  }

  private static List<Table.RawRow> read(Path f, char delimiter, Charset cs, boolean fast) throws IOException {
    List<Table.RawRow> rows = new ArrayList<>();
    try (CsvTable t = new CsvTable(f, "in.csv", delimiter, cs, fast)) {
      Table.RawRow r;
      while ((r = t.next()) != null) {
        rows.add(r);
      }
    }
    return rows;
  }
}
