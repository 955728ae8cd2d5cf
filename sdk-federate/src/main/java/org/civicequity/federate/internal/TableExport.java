package org.civicequity.federate.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.civicequity.core.Numbers;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams a query of the store to a CSV file (RFC 4180, LF line ends, numbers in their shortest
 * round-trip form) or a JSON array of objects, written to a temporary file and moved into place.
 */
public final class TableExport {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** The type of an exported column. */
  public enum Type {
    /** Text; null is an empty cell or JSON null. */
    TEXT,
    /** A double; null is an empty cell or JSON null. */
    NUMBER,
    /** An integer; null is an empty cell or JSON null. */
    INTEGER,
    /** A boolean ({@code true}/{@code false}); null is an empty cell or JSON null. */
    BOOLEAN
  }

  /** One exported column: its output name and type; the query returns the columns in order. */
  public record Column(String name, Type type) {
  }

  private TableExport() {
  }

  /**
   * Writes a query to CSV.
   *
   * @param c       the connection
   * @param sql     the query, one result column per output column, in order
   * @param columns the output columns
   * @param file    the file to write
   * @return the number of data rows
   * @throws SQLException if the query fails
   * @throws IOException  if the file cannot be written
   */
  public static long csv(Connection c, String sql, List<Column> columns, Path file)
      throws SQLException, IOException {
    Path tmp = temp(file);
    long rows = 0;
    CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
        .setHeader(columns.stream().map(Column::name).toArray(String[]::new)).get();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql);
        BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, format)) {
      while (rs.next()) {
        for (int i = 0; i < columns.size(); i++) {
          p.print(text(rs, i + 1, columns.get(i).type()));
        }
        p.println();
        rows++;
      }
    } catch (SQLException | IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return rows;
  }

  /**
   * Writes a query to a JSON array of objects with the columns as keys, in order.
   *
   * @param c       the connection
   * @param sql     the query
   * @param columns the output columns
   * @param file    the file to write
   * @return the number of objects
   * @throws SQLException if the query fails
   * @throws IOException  if the file cannot be written
   */
  public static long json(Connection c, String sql, List<Column> columns, Path file)
      throws SQLException, IOException {
    Path tmp = temp(file);
    long rows = 0;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql);
        OutputStream out = Files.newOutputStream(tmp);
        JsonGenerator g = MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartArray();
      while (rs.next()) {
        g.writeStartObject();
        for (int i = 0; i < columns.size(); i++) {
          Column col = columns.get(i);
          g.writeName(col.name());
          switch (col.type()) {
            case TEXT -> {
              String v = rs.getString(i + 1);
              if (v == null) {
                g.writeNull();
              } else {
                g.writeString(v);
              }
            }
            case NUMBER -> {
              double v = rs.getDouble(i + 1);
              if (rs.wasNull() || !Double.isFinite(v)) {
                g.writeNull();
              } else {
                g.writeNumber(v);
              }
            }
            case INTEGER -> {
              long v = rs.getLong(i + 1);
              if (rs.wasNull()) {
                g.writeNull();
              } else {
                g.writeNumber(v);
              }
            }
            case BOOLEAN -> {
              boolean v = rs.getBoolean(i + 1);
              if (rs.wasNull()) {
                g.writeNull();
              } else {
                g.writeBoolean(v);
              }
            }
            default -> throw new IllegalStateException("unknown type " + col.type());
          }
        }
        g.writeEndObject();
        rows++;
      }
      g.writeEndArray();
    } catch (SQLException | IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return rows;
  }

  /**
   * A cell as CSV text.
   *
   * @param rs     the result set, on a row
   * @param column the 1-based column
   * @param type   its type
   * @return the text, empty for null
   * @throws SQLException if the column cannot be read
   */
  public static String text(ResultSet rs, int column, Type type) throws SQLException {
    switch (type) {
      case NUMBER -> {
        double v = rs.getDouble(column);
        return rs.wasNull() || !Double.isFinite(v) ? "" : Numbers.format(v);
      }
      case INTEGER -> {
        long v = rs.getLong(column);
        return rs.wasNull() ? "" : Long.toString(v);
      }
      case BOOLEAN -> {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? "" : Boolean.toString(v);
      }
      default -> {
        String v = rs.getString(column);
        return v == null ? "" : v;
      }
    }
  }

  private static Path temp(Path file) {
    return file.resolveSibling("." + file.getFileName() + ".tmp");
  }
}
