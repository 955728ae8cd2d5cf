package org.civicequity.cli.internal;

import org.civicequity.validate.ReportFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads the {@code --format} option of the commands that print a validation report. */
public final class ReportFormatConverter implements ITypeConverter<ReportFormat> {
  /** Instances are made by picocli. */
  public ReportFormatConverter() {
  }

  @Override
  public ReportFormat convert(String value) {
    try {
      return ReportFormat.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
