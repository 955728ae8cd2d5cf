package org.civicequity.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  static final String HEADER = "indicator,geoLevel,geoId,period,value,note\n";

  record Result(List<Observation> rows, List<ReadProblem> problems, ObservationReader reader) {
  }

  static Result read(byte[] bytes) {
    return read(bytes, ReadOptions.defaults());
  }

  static Result read(byte[] bytes, ReadOptions options) {
    List<Observation> rows = new ArrayList<>();
    try (ObservationReader r = ObservationReader.of(new ByteArrayInputStream(bytes),
        "observations.csv", ObservationFormat.CSV, options)) {
      r.forEachRemaining(rows::add);
      return new Result(rows, r.problems(), r);
    }
  }

  static Result read(String text) {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTypedCellsWithRowAndLine() {
    Result r = read(HEADER
        + "poverty-rate,county,24510,2022,20.5,\n"
        + "poverty-rate,county,24005,2022,,suppressed cell\n");
    assertThat(r.problems()).isEmpty();
    assertThat(r.rows()).hasSize(2);
    Observation first = r.rows().get(0);
    assertThat(first.indicator()).isEqualTo("poverty-rate");
    assertThat(first.geoId()).isEqualTo("24510");
    assertThat(first.value()).isEqualTo(20.5);
    assertThat(first.note()).isNull();
    assertThat(first.location()).isEqualTo(SourceLocation.ofRow("observations.csv", 1, 2));
    Observation second = r.rows().get(1);
    assertThat(second.value()).isNull();
    assertThat(second.note()).isEqualTo("suppressed cell");
    assertThat(second.location()).isEqualTo(SourceLocation.ofRow("observations.csv", 2, 3));
    assertThat(r.reader().columns()).containsExactly("indicator", "geoLevel", "geoId", "period",
        "value", "note");
  }

  @Test
  void multiLineQuotedFieldKeepsTheLineWhereTheRecordStarts() {
    Result r = read(HEADER
        + "a,county,24510,2022,1,\"line one\nline two\nline three\"\n"
        + "b,county,24510,2022,2,plain\n"
        + "c,county,24510,2022,3,\"x\ny\"\n"
        + "d,county,24510,2022,4,end\n");
    assertThat(r.problems()).isEmpty();
    assertThat(r.rows()).extracting(o -> o.location().row()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(r.rows()).extracting(o -> o.location().line()).containsExactly(2L, 5L, 6L, 8L);
    assertThat(r.rows().get(0).note()).isEqualTo("line one\nline two\nline three");
  }

  @Test
  void bomAndCrlfAreAccepted() {
    byte[] body = ("\r\n" + HEADER.replace("\n", "\r\n")
        + "a,county,24510,2022,1,\"two\r\nlines\"\r\n"
        + "b,county,24510,2022,2,x\r\n").substring(2).getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    Result r = read(bytes);
    assertThat(r.problems()).isEmpty();
    assertThat(r.reader().columns().get(0)).isEqualTo("indicator");
    assertThat(r.rows()).extracting(Observation::indicator).containsExactly("a", "b");
    assertThat(r.rows()).extracting(o -> o.location().line()).containsExactly(2L, 4L);
    assertThat(r.rows().get(0).note()).isEqualTo("two\r\nlines");
  }

  @Test
  void oldMacLineEndsAreLinesToo() {
    Result r = read(HEADER.replace("\n", "\r") + "a,county,24510,2022,1,\"x\ry\"\r"
        + "b,county,24510,2022,2,\r");
    assertThat(r.problems()).isEmpty();
    assertThat(r.rows()).extracting(o -> o.location().line()).containsExactly(2L, 4L);
  }

  @Test
  void blankLinesAreSkippedButCounted() {
    Result r = read(HEADER + "\n" + "a,county,24510,2022,1,\n\n\nb,county,24510,2022,2,\n");
    assertThat(r.problems()).isEmpty();
    assertThat(r.rows()).extracting(o -> o.location().row()).containsExactly(1L, 2L);
    assertThat(r.rows()).extracting(o -> o.location().line()).containsExactly(3L, 6L);
  }

  @Test
  void raggedRowsAreReportedAndSkipped() {
    Result r = read(HEADER
        + "a,county,24510,2022,1\n"
        + "b,county,24510,2022,2,,extra\n"
        + "c,county,24510,2022,3,ok\n");
    assertThat(r.rows()).extracting(Observation::indicator).containsExactly("c");
    assertThat(r.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.RAGGED_ROW, ReadProblem.RAGGED_ROW);
    assertThat(r.problems().get(0).location()).isEqualTo(SourceLocation.ofRow("observations.csv",
        1, 2));
    assertThat(r.problems().get(0).message()).contains("expected 6 cells", "found 5");
    assertThat(r.problems().get(1).location().line()).isEqualTo(3);
    assertThat(r.rows().get(0).location().row()).isEqualTo(3);
  }

  @Test
  void unterminatedQuoteIsAProblemWithLineAndColumn() {
    Result r = read(HEADER
        + "a,county,24510,2022,1,fine\n"
        + "b,county,24510,2022,2,\"never closed\n"
        + "c,county,24510,2022,3,x\n");
    assertThat(r.rows()).extracting(Observation::indicator).containsExactly("a");
    assertThat(r.problems()).hasSize(1);
    ReadProblem p = r.problems().get(0);
    assertThat(p.code()).isEqualTo(ReadProblem.CSV_SYNTAX);
    assertThat(p.location().line()).isEqualTo(3);
    assertThat(p.location().row()).isEqualTo(2);
    assertThat(p.location().column()).isEqualTo("note");
    assertThat(p.charColumn()).isEqualTo(23);
    assertThat(p.message()).contains("unterminated");
  }

  @Test
  void garbageAfterAClosingQuoteIsASyntaxProblem() {
    Result r = read(HEADER + "a,county,\"24510\"x,2022,1,\n");
    assertThat(r.rows()).isEmpty();
    assertThat(r.problems()).extracting(ReadProblem::code).containsExactly(ReadProblem.CSV_SYNTAX);
    assertThat(r.problems().get(0).location().line()).isEqualTo(2);
  }

  @Test
  void invalidUtf8IsAProblemAndTheRowIsKept() {
    byte[] head = (HEADER + "a,county,24510,2022,1,ok\nb,county,24510,2022,2,caf").getBytes(
        StandardCharsets.UTF_8);
    byte[] tail = "\nc,county,24510,2022,3,x\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xE9; // Latin-1 e-acute
    System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
    Result r = read(bytes);
    assertThat(r.rows()).extracting(Observation::indicator).containsExactly("a", "b", "c");
    assertThat(r.rows().get(1).note()).isEqualTo("caf\uFFFD");
    assertThat(r.problems()).hasSize(1);
    ReadProblem p = r.problems().get(0);
    assertThat(p.code()).isEqualTo(ReadProblem.ENCODING);
    assertThat(p.location()).isEqualTo(new SourceLocation("observations.csv", 2, 3, "note", null));
    assertThat(p.charColumn()).isEqualTo(26);
    assertThat(p.message()).contains("0xE9");
  }

  @Test
  void invalidUtf8AcrossManyBuffersIsFoundOnItsLine() {
    StringBuilder sb = new StringBuilder(HEADER);
    for (int i = 0; i < 20_000; i++) {
      sb.append("a,county,24510,2022,").append(i).append(",some note text\n");
    }
    byte[] good = sb.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[good.length + 30];
    System.arraycopy(good, 0, bytes, 0, good.length);
    byte[] last = "z,county,24510,2022,1,\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(last, 0, bytes, good.length, last.length);
    Result r = read(java.util.Arrays.copyOf(bytes, good.length + last.length));
    assertThat(r.rows()).hasSize(20_001);
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).location().line()).isEqualTo(20_002);
    assertThat(r.problems().get(0).location().row()).isEqualTo(20_001);
  }

  @Test
  void hugeFieldIsCappedReportedAndSkippedWithoutLosingTheNextRows() {
    String huge = "x".repeat(10 * 1024 * 1024);
    Result r = read(HEADER
        + "a,county,24510,2022,1,ok\n"
        + "b,county,24510,2022,2," + huge + "\n"
        + "c,county,24510,2022,3,\"" + huge.replace("xxxxxxxxxx", "xxxx\"\"xxxx") + "\"\n"
        + "d,county,24510,2022,4,fine\n");
    assertThat(r.rows()).extracting(Observation::indicator).containsExactly("a", "d");
    assertThat(r.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.FIELD_TOO_LARGE, ReadProblem.FIELD_TOO_LARGE);
    assertThat(r.problems().get(0).location()).isEqualTo(new SourceLocation("observations.csv", 2,
        3, "note", null));
    assertThat(r.problems().get(1).location().row()).isEqualTo(3);
    assertThat(r.problems().get(1).location().line()).isEqualTo(4);
    assertThat(r.rows().get(1).location().line()).isEqualTo(5);
  }

  @Test
  void fieldLimitIsConfigurable() {
    Result r = read((HEADER + "a,county,24510,2022,1,\"0123456789\"\n").getBytes(
        StandardCharsets.UTF_8), ReadOptions.defaults().withMaxFieldChars(9));
    assertThat(r.rows()).isEmpty();
    assertThat(r.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.FIELD_TOO_LARGE);
    assertThat(r.problems().get(0).message()).contains("9 characters");
  }

  @Test
  void numbersFollowNumbersParseAndBadOnesStayText() {
    Result r = read("indicator,value,moe,lower,upper\n"
        + "a,NaN,Infinity,1e999,12\n"
        + "b, 3.5 ,1e2,-0.25,1\n");
    Observation a = r.rows().get(0);
    assertThat(a.value()).isNull();
    assertThat(a.unparsed()).containsEntry("value", "NaN").containsEntry("moe", "Infinity")
        .containsEntry("lower", "1e999");
    assertThat(a.upper()).isEqualTo(12.0);
    Observation b = r.rows().get(1);
    assertThat(b.value()).isEqualTo(3.5);
    assertThat(b.moe()).isEqualTo(100.0);
    assertThat(b.lower()).isEqualTo(-0.25);
    assertThat(b.unparsed()).isEmpty();
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void unknownColumnsGoToExtraAndHeaderProblemsAreReported() {
    Result r = read("indicator,x-source,value,value,,Note\na,acs,1,2,zz,n\n");
    assertThat(r.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.HEADER_INVALID, ReadProblem.HEADER_INVALID);
    Observation o = r.rows().get(0);
    assertThat(o.value()).isEqualTo(1.0);
    assertThat(o.extra()).containsEntry("x-source", "acs").containsEntry("Note", "n").hasSize(2);
  }

  @Test
  void utf16FileIsOneClearProblem() {
    byte[] body = (HEADER + "a,county,24510,2022,1,x\n").getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(body, 0, bytes, 2, body.length);
    Result r = read(bytes);
    assertThat(r.rows()).isEmpty();
    assertThat(r.problems()).extracting(ReadProblem::code).containsExactly(ReadProblem.ENCODING);
    assertThat(r.problems().get(0).message()).contains("UTF-16LE", "UTF-8");
    JsonReaderTest.Result nd = JsonReaderTest.read(bytes, ObservationFormat.NDJSON,
        ReadOptions.defaults());
    assertThat(nd.problems()).extracting(ReadProblem::code).containsExactly(ReadProblem.ENCODING);
  }

  @Test
  void emptyFileHasNoHeader() {
    Result r = read("");
    assertThat(r.rows()).isEmpty();
    assertThat(r.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.HEADER_MISSING);
  }

  @Test
  void headerOnlyFileHasNoRows() {
    Result r = read(HEADER);
    assertThat(r.rows()).isEmpty();
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void lastRowWithoutNewline() {
    Result r = read(HEADER + "a,county,24510,2022,1,x");
    assertThat(r.rows()).hasSize(1);
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void ioErrorMidStreamIsAProblem() {
    byte[] start = (HEADER + "a,county,24510,2022,1,x\n").getBytes(StandardCharsets.UTF_8);
    InputStream failing = new InputStream() {
      int i;

      @Override
      public int read() throws java.io.IOException {
        if (i < start.length) {
          return start[i++];
        }
        throw new java.io.IOException("disk on fire");
      }
    };
    List<Observation> rows = new ArrayList<>();
    try (ObservationReader r = ObservationReader.of(failing, "observations.csv",
        ObservationFormat.CSV, ReadOptions.defaults())) {
      r.forEachRemaining(rows::add);
      assertThat(r.problems()).extracting(ReadProblem::code).containsExactly(ReadProblem.IO_ERROR);
      assertThat(r.problems().get(0).message()).contains("disk on fire");
    }
  }

  @Test
  void listenerSeesEveryProblemAndKeptListIsCapped() {
    StringBuilder sb = new StringBuilder(HEADER);
    for (int i = 0; i < 50; i++) {
      sb.append("a\n");
    }
    List<ReadProblem> seen = new ArrayList<>();
    ReadOptions options = new ReadOptions(1000, 1000, 10, 10, 5, seen::add);
    try (ObservationReader r = ObservationReader.of(new ByteArrayInputStream(
        sb.toString().getBytes(StandardCharsets.UTF_8)), "f.csv", ObservationFormat.CSV,
        options)) {
      assertThat(r.hasNext()).isFalse();
      assertThat(r.problems()).hasSize(5);
      assertThat(r.problemCount()).isEqualTo(50);
      assertThat(r.rowsRead()).isEqualTo(50);
    }
    assertThat(seen).hasSize(50);
  }
}
