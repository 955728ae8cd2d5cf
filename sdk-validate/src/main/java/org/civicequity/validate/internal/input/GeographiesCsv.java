package org.civicequity.validate.internal.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civicequity.core.Geography;
import org.civicequity.core.SourceLocation;
import org.civicequity.validate.internal.FindingCollector;
import org.civicequity.validate.internal.rules.BuiltInRules;
import org.civicequity.validate.internal.rules.SyntaxRules;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@code geographies.csv}: each row is checked against {@code geography.schema.json} (all
 * cells are text, an empty cell is absent) and becomes a {@link Geography}.
 */
final class GeographiesCsv {
  static final int MAX_ROWS = 200_000;

  private GeographiesCsv() {
  }

  static List<Geography> read(InputStream in, String name, FindingCollector findings)
      throws IOException {
    return read(in, name, findings, null, null, null);
  }

  /**
   * Reads the file and checks what needs the manifest: x- columns against the declared
   * extensions, and each listed tract (11 digits, inside a county or state jurisdiction).
   *
   * @param in         the file's bytes (closed when done), e.g. from the feed
   * @param name       the file's name in findings
   * @param findings   where problems go
   * @param extensions the manifest's declared extensions, or null when the manifest is unreadable
   * @param jLevel     the jurisdiction's geoLevel, or null
   * @param jId        the jurisdiction's GEOID, or null
   */
  static List<Geography> read(InputStream in, String name, FindingCollector findings,
      java.util.Set<String> extensions, String jLevel, String jId) throws IOException {
    String jPrefix = null;
    if (jId != null && ("county".equals(jLevel) && jId.length() == 5
        || "state".equals(jLevel) && jId.length() == 2)) {
      jPrefix = jId;
    }
    List<Geography> out = new ArrayList<>();
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setAllowMissingColumnNames(false).setIgnoreEmptyLines(true).get();
    try (Reader r = new BufferedReader(new InputStreamReader(in, decoder))) {
      r.mark(1);
      if (r.read() != '\uFEFF') {
        r.reset();
      }
      CSVParser parser;
      try {
        parser = CSVParser.builder().setReader(r).setFormat(format).get();
      } catch (IllegalArgumentException e) {
        findings.report(SyntaxRules.info("HEADER_INVALID"), new SourceLocation(name, 0, 1, null,
            null), null, name + ": " + e.getMessage());
        return out;
      }
      try (parser) {
        List<String> header = parser.getHeaderNames();
        if (header.isEmpty()) {
          findings.report(SyntaxRules.info("HEADER_MISSING"), new SourceLocation(name, 0, 1, null,
              null), null, name + " is empty; expected a header row naming geoId, geoName, "
              + "parentGeoId, tracts");
          return out;
        }
        if (extensions != null) {
          for (String h : header) {
            if (h.startsWith("x-") && !declared(h, extensions)) {
              findings.report(BuiltInRules.info("EXTENSION_FIELD_UNDECLARED"),
                  new SourceLocation(name, 0, 1, h, null), h, h);
            }
          }
        }
        Iterator<CSVRecord> it = parser.iterator();
        long row = 0;
        while (true) {
          long lineBefore = parser.getCurrentLineNumber();
          if (!it.hasNext()) {
            break;
          }
          CSVRecord rec = it.next();
          row++;
          if (row > MAX_ROWS) {
            findings.report(SyntaxRules.info("ROW_TOO_LARGE"), new SourceLocation(name, row, 0,
                null, null), null, name + " has more than " + MAX_ROWS + " rows; the rest is not read");
            break;
          }
          SourceLocation at = SourceLocation.ofRow(name, row, lineBefore + 1);
          if (rec.size() != header.size()) {
            findings.report(SyntaxRules.info("RAGGED_ROW"), at, null, name + ": expected "
                + header.size() + " cells as in the header, found " + rec.size());
            continue;
          }
          ObjectNode node = JsonNodeFactory.instance.objectNode();
          for (int i = 0; i < header.size(); i++) {
            String v = rec.get(i);
            if (!v.isEmpty()) {
              node.put(header.get(i), v);
            }
          }
          boolean tractsReported = checkTracts(rec.isMapped("tracts") ? rec.get("tracts") : "",
              at.field("tracts"), jPrefix, jLevel, findings);
          for (SchemaCheck.Violation v : SchemaCheck.validate("geography.schema.json", node)) {
            if (tractsReported && "/tracts".equals(v.pointer())) {
              continue; // said per tract, with a hint, instead of the schema's regular expression
            }
            SchemaCheck.report(findings, v, at.field(v.field() == null ? "geoId" : v.field()),
                FeedInput.text(node.at(v.pointer())));
          }
          Map<String, String> m = rec.toMap();
          String id = blankToNull(m.get("geoId"));
          if (id != null) {
            String tracts = blankToNull(m.get("tracts"));
            out.add(new Geography(id, blankToNull(m.get("geoName")),
                blankToNull(m.get("parentGeoId")),
                tracts == null ? List.of() : Arrays.asList(tracts.trim().split("\\s+")), at));
          }
        }
      } catch (UncheckedIOException e) {
        report(e.getCause(), name, findings);
      }
    } catch (CharacterCodingException e) {
      findings.report(SyntaxRules.info("ENCODING"), SourceLocation.ofFile(name), null,
          name + " is not valid UTF-8; expected UTF-8 text");
    }
    return out;
  }

  private static void report(IOException e, String name, FindingCollector findings) {
    if (e instanceof CharacterCodingException) {
      findings.report(SyntaxRules.info("ENCODING"), SourceLocation.ofFile(name), null,
          name + " is not valid UTF-8; expected UTF-8 text");
    } else {
      findings.report(SyntaxRules.info("CSV_SYNTAX"), SourceLocation.ofFile(name), null,
          name + ": " + (e == null ? "invalid CSV" : e.getMessage()));
    }
  }

  /**
   * Checks each tract id of a row: 11 digits (GEOID_LENGTH_MISMATCH, with the leading-zero hint)
   * and inside the jurisdiction (GEO_OUTSIDE_JURISDICTION).
   *
   * @return whether a tract was reported
   */
  private static boolean checkTracts(String cell, SourceLocation at, String jPrefix,
      String jLevel, FindingCollector findings) {
    if (cell == null || cell.isBlank()) {
      return false;
    }
    boolean reported = false;
    for (String t : cell.strip().split("\\s+")) {
      boolean digits = !t.isEmpty();
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        if (c < '0' || c > '9') {
          digits = false;
          break;
        }
      }
      var geoid = BuiltInRules.info("GEOID_LENGTH_MISMATCH");
      if (!digits) {
        findings.reportVariant(geoid, "notDigits", at, t, 11, "tract");
        reported = true;
      } else if (t.length() == 10) {
        findings.reportVariant(geoid, "leadingZero", at, t, 11, "tract", t.length());
        reported = true;
      } else if (t.length() != 11) {
        findings.report(geoid, at, t, 11, "tract", t.length());
        reported = true;
      } else if (jPrefix != null && !t.startsWith(jPrefix)) {
        findings.report(BuiltInRules.info("GEO_OUTSIDE_JURISDICTION"), at, t, "tract", jLevel,
            jPrefix);
        reported = true;
      }
    }
    return reported;
  }

  private static boolean declared(String field, java.util.Set<String> declared) {
    if (declared.contains(field)) {
      return true;
    }
    for (String d : declared) {
      if (field.startsWith(d.endsWith("-") ? d : d + "-")) {
        return true;
      }
    }
    return false;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
