package org.civicequity.schema.docs;

import java.util.List;

/** Small helpers for the generated Markdown: escaped table cells and code spans. */
final class Markdown {
  private Markdown() {
  }

  /**
   * Text for a table cell: pipes escaped, line breaks flattened.
   *
   * @param text any text, may be null
   * @return the cell text
   */
  static String cell(String text) {
    if (text == null) {
      return "";
    }
    return text(text.replace("\r", " ").replace("\n", " ")).replace("|", "\\|");
  }

  /**
   * Prose from a schema or codelist: a {@code <} outside code spans is escaped so that it is not
   * read as HTML (e.g. {@code codelists/<id>.json}).
   *
   * @param text any text, may be null
   * @return the text, safe to embed in Markdown
   */
  static String text(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    boolean inCode = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '`') {
        inCode = !inCode;
      }
      sb.append(c == '<' && !inCode ? "&lt;" : String.valueOf(c));
    }
    return sb.toString();
  }

  /**
   * An inline code span that survives backticks in its content.
   *
   * @param text the literal text
   * @return the code span
   */
  static String code(String text) {
    String fence = text.contains("`") ? "``" : "`";
    String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
    return fence + pad + text + pad + fence;
  }

  /**
   * A Markdown table.
   *
   * @param header the column titles
   * @param rows   the rows, each with as many cells as the header (cells are escaped here)
   * @return the table, ending with a newline
   */
  static String table(List<String> header, List<List<String>> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append("| ").append(String.join(" | ", header)).append(" |\n");
    sb.append("|").append("---|".repeat(header.size())).append('\n');
    for (List<String> row : rows) {
      sb.append("|");
      for (String c : row) {
        sb.append(' ').append(cell(c)).append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
