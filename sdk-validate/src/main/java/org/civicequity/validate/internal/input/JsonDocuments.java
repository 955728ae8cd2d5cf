package org.civicequity.validate.internal.input;

import java.io.IOException;
import java.io.InputStream;
import org.civicequity.core.SourceLocation;
import org.civicequity.validate.internal.FindingCollector;
import org.civicequity.validate.internal.rules.SyntaxRules;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads small JSON documents of a feed (the manifest, indicators.json) into trees, safely:
 * duplicate keys, over-deep nesting, oversized documents and syntax errors become located
 * findings, never exceptions.
 */
final class JsonDocuments {
  /** The largest manifest or indicators file read into memory. */
  static final long MAX_BYTES = 32L << 20;
  static final int MAX_DEPTH = 64;

  private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
              .maxDocumentLength(MAX_BYTES).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      .build();

  private JsonDocuments() {
  }

  /**
   * Reads a document from a stream, such as a feed's file.
   *
   * @param size     the file's size in bytes, as the feed tells it
   * @param in       the file's bytes; the caller closes it
   * @param name     its name in findings
   * @param findings where problems go
   * @return the tree, or null when it could not be read (a finding says why)
   * @throws IOException if the file cannot be read
   */
  static JsonNode read(long size, InputStream in, String name, FindingCollector findings)
      throws IOException {
    if (size > MAX_BYTES) {
      return tooLarge(size + " bytes", name, findings);
    }
    if (size == 0) {
      findings.report(SyntaxRules.info("JSON_SYNTAX"), new SourceLocation(name, 0, 1, null, ""),
          null, name + " is empty; expected a JSON object");
      return null;
    }
    // never more than the bound, whatever size the feed declared
    byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      return tooLarge("more than " + MAX_BYTES + " bytes", name, findings);
    }
    return read(bytes, name, findings);
  }

  private static JsonNode tooLarge(String size, String name, FindingCollector findings) {
    findings.report(SyntaxRules.info("ROW_TOO_LARGE"), SourceLocation.ofFile(name), null,
        name + " is " + size + "; expected at most " + MAX_BYTES + " bytes");
    return null;
  }

  /**
   * Reads a document held in memory.
   *
   * @param bytes    the document's bytes
   * @param name     its name in findings
   * @param findings where problems go
   * @return the tree, or null when it could not be read (a finding says why)
   */
  static JsonNode read(byte[] bytes, String name, FindingCollector findings) {
    if (bytes.length == 0) {
      findings.report(SyntaxRules.info("JSON_SYNTAX"), new SourceLocation(name, 0, 1, null, ""),
          null, name + " is empty; expected a JSON object");
      return null;
    }
    if (!Utf8.isValid(bytes)) {
      findings.report(SyntaxRules.info("ENCODING"), SourceLocation.ofFile(name), null,
          name + " is not valid UTF-8; expected UTF-8 text");
      return null;
    }
    try {
      JsonNode n = MAPPER.readTree(bytes);
      if (n == null || n.isMissingNode()) {
        findings.report(SyntaxRules.info("JSON_SYNTAX"), new SourceLocation(name, 0, 1, null, ""),
            null, name + " has no JSON value; expected a JSON object");
        return null;
      }
      return n;
    } catch (StreamConstraintsException e) {
      TokenStreamLocation l = e.getLocation();
      findings.report(SyntaxRules.info("NESTING_TOO_DEEP"), at(name, l), null,
          name + ": JSON nested deeper than " + MAX_DEPTH + " levels or larger than allowed"
              + where(l));
      return null;
    } catch (JacksonException e) {
      TokenStreamLocation l = e.getLocation();
      String msg = e.getOriginalMessage();
      boolean duplicate = msg != null && msg.startsWith("Duplicate");
      SourceLocation at = at(name, l);
      if (duplicate && e.processor() instanceof tools.jackson.core.JsonParser p) {
        // the parser stands on the repeated member: its path is the member's JSON pointer
        at = new SourceLocation(name, 0, at.line(), null,
            p.streamReadContext().pathAsPointer().toString());
      }
      if (msg != null && msg.startsWith("Trailing token")) {
        // Jackson: "Trailing token (`JsonToken.START_OBJECT`) found after value (bound as ...)"
        msg = "unexpected content after the end of the JSON document (a second value, or text left after "
            + "the closing brace); expected one JSON object";
      }
      findings.report(SyntaxRules.info(duplicate ? "DUPLICATE_KEY" : "JSON_SYNTAX"), at, null,
          name + ": " + firstLine(msg) + where(l));
      return null;
    }
  }

  private static SourceLocation at(String name, TokenStreamLocation l) {
    long line = l == null || l.getLineNr() < 1 ? 0 : l.getLineNr();
    return new SourceLocation(name, 0, line, null, null);
  }

  private static String where(TokenStreamLocation l) {
    if (l == null || l.getLineNr() < 1) {
      return "";
    }
    return " (line " + l.getLineNr() + ", character " + l.getColumnNr() + ")";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid JSON";
    }
    int nl = s.indexOf('\n');
    String t = nl < 0 ? s : s.substring(0, nl);
    return t.length() > 300 ? t.substring(0, 300) + "…" : t;
  }
}
