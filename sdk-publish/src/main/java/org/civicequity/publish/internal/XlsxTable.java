package org.civicequity.publish.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicequity.core.Numbers;

/**
 * One sheet of an Excel {@code .xlsx} workbook read with Apache POI. Numbers are taken as
 * stored (not as formatted), except that a cell formatted as a percentage gives the percentage
 * Excel shows with its sign ({@code 0.125} shown as 12.5% reads {@code 12.5%}, as in a CSV saved by
 * Excel); formulas by their cached result, or evaluated when the workbook holds none (files written
 * by scripts), or the formula text when it cannot be evaluated (never a silent 0); dates as ISO dates.
 */
public final class XlsxTable implements Table {
  private final String name;
  private final OPCPackage pkg;
  private final XSSFWorkbook workbook;
  private final Iterator<Row> rows;
  private final org.apache.poi.ss.usermodel.FormulaEvaluator evaluator;
  private int nextIndex = 0;
  private final List<RawRow> pending = new ArrayList<>();

  /**
   * Opens a sheet.
   *
   * @param file  the workbook
   * @param name  its name for messages
   * @param sheet the sheet name, or null for the first sheet
   * @throws IOException if the workbook cannot be read or has no such sheet
   */
  public XlsxTable(Path file, String name, String sheet) throws IOException {
    try {
      this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
    } catch (org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException e) {
      throw new IOException(name + ": " + LEGACY, e);
    } catch (InvalidFormatException | NotOfficeXmlFileException e) {
      throw new IOException(name + ": not an Excel .xlsx workbook (" + e.getMessage() + ")", e);
    }
    try {
      this.workbook = new XSSFWorkbook(pkg);
    } catch (IOException | RuntimeException e) {
      pkg.revert();
      throw new IOException(name + ": the workbook cannot be read: " + e.getMessage(), e);
    }
    Sheet s;
    if (sheet == null) {
      if (workbook.getNumberOfSheets() == 0) {
        close();
        throw new IOException(name + ": the workbook has no sheet");
      }
      s = workbook.getSheetAt(0);
    } else {
      s = workbook.getSheet(sheet);
      if (s == null) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sh -> names.add(sh.getSheetName()));
        close();
        throw new IOException(name + ": there is no sheet '" + sheet + "'; sheets: " + String.join(", ", names));
      }
    }
    this.name = name + " [" + s.getSheetName() + "]";
    this.rows = s.rowIterator();
    this.evaluator = workbook.getCreationHelper().createFormulaEvaluator();
  }

  private static final String LEGACY = "an Excel 97-2003 workbook (.xls), which convert does not read; open it in "
      + "Excel (or LibreOffice) and save it as an Excel Workbook (.xlsx) or as CSV, then convert that file";

  /**
   * Refuses, in one line, a legacy Excel 97-2003 workbook (an OLE2 file, often named .xls) given
   * where a CSV is expected, instead of reading its bytes as text.
   *
   * @param file the input
   * @param name its name for messages
   * @throws IOException if the file is such a workbook (or cannot be read)
   */
  public static void refuseLegacyWorkbook(Path file, String name) throws IOException {
    byte[] head = new byte[8];
    int n;
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, 8);
    } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException e) {
      return; // the CSV reader says so in its own words
    }
    if (n == 8 && org.apache.poi.poifs.filesystem.FileMagic.valueOf(head) == org.apache.poi.poifs.filesystem.FileMagic.OLE2) {
      throw new IOException(name + ": " + LEGACY);
    }
  }

  @Override
  public RawRow next() {
    if (!pending.isEmpty()) {
      return pending.remove(0);
    }
    if (!rows.hasNext()) {
      return null;
    }
    Row r = rows.next();
    int index = r.getRowNum();
    // POI skips rows without cells: return them as blank rows so row numbers stay true
    while (nextIndex < index) {
      pending.add(new RawRow(nextIndex + 1L, List.of()));
      nextIndex++;
    }
    nextIndex = index + 1;
    List<String> cells = new ArrayList<>();
    short last = r.getLastCellNum();
    for (int c = 0; c < Math.max(0, last); c++) {
      cells.add(text(r.getCell(c)));
    }
    RawRow row = new RawRow(index + 1L, cells);
    if (!pending.isEmpty()) {
      pending.add(row);
      return pending.remove(0);
    }
    return row;
  }

  private String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    if (cell.getCellType() == CellType.FORMULA && cell instanceof org.apache.poi.xssf.usermodel.XSSFCell x
        && !x.getCTCell().isSetV()) {
      // no saved result (a workbook written by a script): evaluate it rather than read 0
      org.apache.poi.ss.usermodel.CellValue v;
      try {
        v = evaluator.evaluate(cell);
      } catch (RuntimeException e) {
        return "=" + cell.getCellFormula();
      }
      if (v == null) {
        return "";
      }
      return switch (v.getCellType()) {
        case STRING -> v.getStringValue();
        case NUMERIC -> number(cell, v.getNumberValue());
        case BOOLEAN -> Boolean.toString(v.getBooleanValue());
        case ERROR -> org.apache.poi.ss.usermodel.FormulaError.forInt(v.getErrorValue()).getString();
        default -> "";
      };
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    return switch (type) {
      case STRING -> cell.getStringCellValue();
      case NUMERIC -> {
        if (DateUtil.isCellDateFormatted(cell)) {
          LocalDateTime d = cell.getLocalDateTimeCellValue();
          yield d.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? d.toLocalDate().toString() : d.toString();
        }
        yield number(cell, cell.getNumericCellValue());
      }
      case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
      case ERROR -> org.apache.poi.ss.usermodel.FormulaError.forInt(cell.getErrorCellValue()).getString();
      default -> "";
    };
  }

  /** A number as stored, or as the percentage shown when the cell is formatted as one. */
  private static String number(Cell cell, double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    if (isPercentFormat(cell.getCellStyle() == null ? null : cell.getCellStyle().getDataFormatString())) {
      return Numbers.format(java.math.BigDecimal.valueOf(v).movePointRight(2).doubleValue()) + "%";
    }
    return Numbers.format(v);
  }

  /** Whether an Excel number format shows a percentage: a % outside quotes, escapes and brackets. */
  static boolean isPercentFormat(String format) {
    if (format == null) {
      return false;
    }
    boolean quoted = false;
    boolean bracket = false;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (quoted) {
        quoted = c != '"';
      } else if (bracket) {
        bracket = c != ']';
      } else if (c == '"') {
        quoted = true;
      } else if (c == '[') {
        bracket = true;
      } else if (c == '\\' || c == '_' || c == '*') {
        i++;
      } else if (c == ';') {
        return false; // the first section (positive numbers) decides
      } else if (c == '%') {
        return true;
      }
    }
    return false;
  }

  @Override
  public String displayName() {
    return name;
  }

  @Override
  public void close() throws IOException {
    if (workbook != null) {
      pkg.revert();
    }
  }
}
