package org.civicequity.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

  record Result(List<Observation> rows, List<ReadProblem> problems) {
  }

  static Result read(byte[] bytes, ObservationFormat format, ReadOptions options) {
    List<Observation> rows = new ArrayList<>();
    String name = format == ObservationFormat.NDJSON ? "observations.ndjson" : "observations.json";
    try (ObservationReader r = ObservationReader.of(new ByteArrayInputStream(bytes), name, format,
        options)) {
      r.forEachRemaining(rows::add);
      return new Result(rows, r.problems());
    }
  }

  static Result ndjson(String text) {
    return read(text.getBytes(StandardCharsets.UTF_8), ObservationFormat.NDJSON,
        ReadOptions.defaults());
  }

  static Result json(String text) {
    return read(text.getBytes(StandardCharsets.UTF_8), ObservationFormat.JSON,
        ReadOptions.defaults());
  }

  @Test
  void ndjsonReadsOneObjectPerLineWithLinesAndPointers() {
    Result r = ndjson("{\"indicator\":\"a\",\"geoLevel\":\"county\",\"geoId\":\"24510\","
        + "\"period\":\"2022\",\"value\":20.5,\"moe\":1}\r\n"
        + "\n"
        + "   \n"
        + "{\"indicator\":\"b\",\"value\":3,\"x-source\":\"acs\",\"status\":\"ok\"}");
    assertThat(r.problems()).isEmpty();
    assertThat(r.rows()).hasSize(2);
    Observation a = r.rows().get(0);
    assertThat(a.value()).isEqualTo(20.5);
    assertThat(a.moe()).isEqualTo(1.0);
    assertThat(a.geoId()).isEqualTo("24510");
    assertThat(a.location()).isEqualTo(new SourceLocation("observations.ndjson", 1, 1, null, ""));
    assertThat(a.location().field("value").pointer()).isEqualTo("/value");
    Observation b = r.rows().get(1);
    assertThat(b.location()).isEqualTo(new SourceLocation("observations.ndjson", 2, 4, null, ""));
    assertThat(b.extra()).containsEntry("x-source", "acs");
    assertThat(b.status()).isEqualTo("ok");
  }

  @Test
  void ndjsonSyntaxErrorSkipsOnlyThatLine() {
    Result r = ndjson("{\"indicator\":\"a\"}\n"
        + "{\"indicator\":\"b\",}\n"
        + "{\"indicator\":\"c\"} {\"indicator\":\"d\"}\n"
        + "[1,2]\n"
        + "{\"indicator\":\"e\"}\n");
    assertThat(r.rows()).extracting(Observation::indicator).containsExactly("a", "e");
    assertThat(r.problems()).extracting(ReadProblem::code).containsExactly(
        ReadProblem.JSON_SYNTAX, ReadProblem.JSON_SYNTAX, ReadProblem.NOT_AN_OBJECT);
    ReadProblem p = r.problems().get(0);
    assertThat(p.location().line()).isEqualTo(2);
    assertThat(p.location().row()).isEqualTo(2);
    assertThat(p.charColumn()).isEqualTo(18);
    assertThat(r.problems().get(1).location().line()).isEqualTo(3);
    assertThat(r.rows().get(1).location().row()).isEqualTo(5);
  }

  @Test
  void wrongJsonTypesStayAsTextInUnparsed() {
    Result r = ndjson("{\"indicator\":\"a\",\"value\":\"12\",\"geoId\":24510,\"moe\":null,"
        + "\"sex\":{\"a\":[1,2]},\"lower\":1e999,\"upper\":true,\"x-n\":7,\"period\":\"\","
        + "\"x-o\":[1],\"x-z\":null,\"other\":{}}\n");
    assertThat(r.problems()).isEmpty();
    Observation o = r.rows().get(0);
    assertThat(o.value()).isNull();
    assertThat(o.geoId()).isNull();
    assertThat(o.period()).isEqualTo("");
    assertThat(o.moe()).isNull();
    assertThat(o.unparsed()).containsEntry("value", "12").containsEntry("geoId", "24510")
        .containsEntry("sex", "{\"a\":[1,2]}").containsEntry("lower", "1e999")
        .containsEntry("upper", "true").containsEntry("x-o", "[1]").doesNotContainKey("moe");
    assertThat(o.extra()).containsEntry("x-n", "7").containsEntry("x-z", "")
        .containsEntry("other", "{}");
  }

  @Test
  void duplicateKeysAreAProblemAndTheRowIsSkipped() {
    Result r = ndjson("{\"indicator\":\"a\",\"value\":1,\"value\":2}\n"
        + "{\"indicator\":\"b\",\"x-a\":1,\"x-a\":2}\n"
        + "{\"indicator\":\"c\"}\n");
    assertThat(r.rows()).extracting(Observation::indicator).containsExactly("c");
    assertThat(r.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.DUPLICATE_KEY, ReadProblem.DUPLICATE_KEY);
    assertThat(r.problems().get(0).location().pointer()).isEqualTo("/value");
    assertThat(r.problems().get(1).location().line()).isEqualTo(2);
  }

  @Test
  void deepNestingIsAProblemNotAStackOverflow() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    Result r = ndjson("{\"indicator\":\"a\",\"x-deep\":" + deep + "}\n" + deep + "\n"
        + "{\"indicator\":\"b\"}\n");
    assertThat(r.rows()).extracting(Observation::indicator).containsExactly("b");
    assertThat(r.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.NESTING_TOO_DEEP, ReadProblem.NESTING_TOO_DEEP);
    Result j = json("[" + "{\"indicator\":\"a\"}," + deep + "]");
    assertThat(j.rows()).extracting(Observation::indicator).containsExactly("a");
    assertThat(j.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.NESTING_TOO_DEEP);
    Result obj = json("{\"observations\":[{\"note\":" + "{\"a\":".repeat(10_000) + "1"
        + "}".repeat(10_000) + "}]}");
    assertThat(obj.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.NESTING_TOO_DEEP);
  }

  @Test
  void hugeStringsAndLinesAreCapped() {
    String huge = "x".repeat(10 * 1024 * 1024);
    Result r = ndjson("{\"indicator\":\"a\",\"note\":\"" + huge + "\"}\n{\"indicator\":\"b\"}\n");
    assertThat(r.rows()).extracting(Observation::indicator).containsExactly("b");
    assertThat(r.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.ROW_TOO_LARGE);
    assertThat(r.problems().get(0).location().line()).isEqualTo(1);
    assertThat(r.rows().get(0).location().line()).isEqualTo(2);

    Result big = read(("{\"indicator\":\"a\",\"note\":\"" + "y".repeat(3_000_000) + "\"}\n"
        + "{\"indicator\":\"b\"}\n").getBytes(StandardCharsets.UTF_8), ObservationFormat.NDJSON,
        ReadOptions.defaults());
    assertThat(big.rows()).extracting(Observation::indicator).containsExactly("b");
    assertThat(big.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.FIELD_TOO_LARGE);

    Result j = json("[{\"indicator\":\"a\"},{\"note\":\"" + huge + "\"}]");
    assertThat(j.rows()).extracting(Observation::indicator).containsExactly("a");
    assertThat(j.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.FIELD_TOO_LARGE);
    assertThat(j.problems().get(0).location().row()).isEqualTo(2);
  }

  @Test
  void invalidUtf8IsAnEncodingProblem() {
    byte[] start = "{\"indicator\":\"caf".getBytes(StandardCharsets.UTF_8);
    byte[] end = "\"}\n{\"indicator\":\"b\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[start.length + 1 + end.length];
    System.arraycopy(start, 0, bytes, 0, start.length);
    bytes[start.length] = (byte) 0xE9;
    System.arraycopy(end, 0, bytes, start.length + 1, end.length);
    Result r = read(bytes, ObservationFormat.NDJSON, ReadOptions.defaults());
    assertThat(r.rows()).extracting(Observation::indicator).containsExactly("b");
    assertThat(r.problems()).extracting(ReadProblem::code).containsExactly(ReadProblem.ENCODING);
    assertThat(r.problems().get(0).location().line()).isEqualTo(1);
  }

  @Test
  void bomIsSkipped() {
    byte[] body = "{\"indicator\":\"a\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    assertThat(read(bytes, ObservationFormat.NDJSON, ReadOptions.defaults()).rows()).hasSize(1);
    Result j = read(("[" + new String(body, StandardCharsets.UTF_8) + "]").getBytes(
        StandardCharsets.UTF_8), ObservationFormat.JSON, ReadOptions.defaults());
    assertThat(j.rows()).hasSize(1);
  }

  @Test
  void jsonArrayHasPointersAndLines() {
    Result r = json("[\n  {\"indicator\":\"a\",\"value\":1},\n  7,\n  {\"indicator\":\"b\"}\n]\n");
    assertThat(r.rows()).extracting(Observation::indicator).containsExactly("a", "b");
    assertThat(r.rows().get(0).location()).isEqualTo(new SourceLocation("observations.json", 1, 2,
        null, "/0"));
    assertThat(r.rows().get(0).location().field("value").pointer()).isEqualTo("/0/value");
    assertThat(r.rows().get(1).location()).isEqualTo(new SourceLocation("observations.json", 3, 4,
        null, "/2"));
    assertThat(r.problems()).extracting(ReadProblem::code).containsExactly(
        ReadProblem.NOT_AN_OBJECT);
    assertThat(r.problems().get(0).location().pointer()).isEqualTo("/1");
  }

  @Test
  void jsonObjectWithObservationsMember() {
    Result r = json("{\"name\":\"x\",\"meta\":{\"a\":[1]},\"observations\":[{\"indicator\":\"a\"},"
        + "{\"indicator\":\"b\"}],\"after\":1}");
    assertThat(r.problems()).isEmpty();
    assertThat(r.rows()).extracting(o -> o.location().pointer())
        .containsExactly("/observations/0", "/observations/1");
  }

  @Test
  void jsonStructureAndSyntaxProblems() {
    assertThat(json("{\"rows\":[]}").problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.JSON_STRUCTURE);
    assertThat(json("42").problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.JSON_STRUCTURE);
    assertThat(json("").problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.JSON_STRUCTURE);
    Result truncated = json("[{\"indicator\":\"a\"},\n{\"indicator\":");
    assertThat(truncated.rows()).hasSize(1);
    assertThat(truncated.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.JSON_SYNTAX);
    assertThat(truncated.problems().get(0).location().line()).isEqualTo(2);
    assertThat(truncated.problems().get(0).location().pointer()).isEqualTo("/1");
    Result nan = json("[{\"value\":NaN}]");
    assertThat(nan.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.JSON_SYNTAX);
    Result trailing = json("[] []");
    assertThat(trailing.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.JSON_SYNTAX);
  }

  @Test
  void tooManyMembersIsARowProblem() {
    StringBuilder sb = new StringBuilder("{\"indicator\":\"a\"");
    for (int i = 0; i < 1_500; i++) {
      sb.append(",\"x-").append(i).append("\":1");
    }
    Result r = ndjson(sb + "}\n{\"indicator\":\"b\"}\n");
    assertThat(r.rows()).extracting(Observation::indicator).containsExactly("b");
    assertThat(r.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.ROW_TOO_LARGE);
  }
}
