package org.civicequity.validate.internal.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import org.civicequity.core.io.ObservationFormat;
import org.civicequity.core.io.ObservationReader;
import org.civicequity.core.io.ReadOptions;
import org.civicequity.core.io.ReadProblem;

/** Observations of one file, read by the SDK's streaming {@link ObservationReader}. */
public final class FileObservationSource implements ObservationSource {
  private final String file;
  private final ObservationFormat format;
  private final Callable<InputStream> opener;

  /**
   * Creates a source.
   *
   * @param file   the name shown in findings (relative to the feed)
   * @param format the file's format
   * @param opener opens the bytes (called once, on the reading thread)
   */
  public FileObservationSource(String file, ObservationFormat format,
      Callable<InputStream> opener) {
    this.file = file;
    this.format = format;
    this.opener = opener;
  }

  @Override
  public String file() {
    return file;
  }

  @Override
  public void read(RowSink sink) throws IOException {
    InputStream in;
    try {
      in = opener.call();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e.getMessage(), e);
    }
    ReadOptions options = ReadOptions.defaults().withListener(p -> sink.problem(of(p)));
    try (ObservationReader r = ObservationReader.of(in, file, format, options)) {
      while (r.hasNext()) {
        sink.row(r.next());
      }
    }
  }

  private static final java.util.regex.Pattern AT_LINE =
      java.util.regex.Pattern.compile("\\s*at line: [0-9,]+, position: [0-9,]+");

  /**
   * A reader problem as a syntax finding, with its character position in the message.
   *
   * @param p the problem
   * @return the syntax problem
   */
  public static SyntaxProblem of(ReadProblem p) {
    // commons-csv's own position is relative to where its parser started; the location and
    // the line and character below say where the problem is in the file
    String msg = AT_LINE.matcher(p.message()).replaceAll("");
    if (p.charColumn() > 0) {
      msg = msg + " (line " + p.location().line() + ", character " + p.charColumn() + ")";
    }
    return new SyntaxProblem(p.code(), p.location(), p.value(), msg);
  }
}
