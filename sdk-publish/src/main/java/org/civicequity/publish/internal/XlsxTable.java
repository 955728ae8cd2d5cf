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
 * stored (not as formatted), formulas by their cached result, dates as ISO dates.
 */
public final class XlsxTable implements Table {
  private final String name;
  private final OPCPackage pkg;
  private final XSSFWorkbook workbook;
  private final Iterator<Row> rows;
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

  private static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    return switch (type) {
      case STRING -> cell.getStringCellValue();
      case NUMERIC -> {
        if (DateUtil.isCellDateFormatted(cell)) {
          LocalDateTime d = cell.getLocalDateTimeCellValue();
          yield d.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? d.toLocalDate().toString() : d.toString();
        }
        double v = cell.getNumericCellValue();
        yield Double.isFinite(v) ? Numbers.format(v) : "";
      }
      case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
      case ERROR -> org.apache.poi.ss.usermodel.FormulaError.forInt(cell.getErrorCellValue()).getString();
      default -> "";
    };
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
