package org.civicequity.validate.internal.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.civicequity.core.io.ObservationFormat;
import org.civicequity.core.io.ObservationReader;
import org.civicequity.core.io.ReadOptions;
import org.civicequity.core.io.ReadProblem;

/**
 * A CSV or NDJSON file read in parallel: a splitter cuts it into chunks of whole records
 * (following CSV quoting, counting rows and lines so every chunk knows where it starts),
 * workers parse chunks at the same time, and the engine takes their results in file order.
 * Clean chunks take a fast path; any chunk the fast path declines is read by the SDK's
 * {@link ObservationReader}, so problems are reported exactly as in a sequential read. When the
 * splitter cannot cut safely (an over-long record, a carriage return alone, a bad CSV header) the
 * rest of the file is read sequentially by the SDK's reader. Memory stays bounded.
 */
public final class ChunkedFileSource implements ObservationSource {
  /** Bytes per chunk. */
  static final int CHUNK = 1 << 18;
  /** The splitter's buffer: a chunk, the bytes read past it, and room for the next read. */
  static final int BUFFER = 2 * CHUNK;
  /**
   * Bytes per read: a chunk is handed over as soon as a record ends past {@link #CHUNK} bytes, so
   * at most this much, read beyond the chunk, is copied into the next buffer.
   */
  static final int READ = 1 << 16;
  /** The longest record the splitter holds before leaving the rest to the sequential reader. */
  static final int MAX_PENDING = 16 << 20;
  /** Observations per unit of the sequential fallback. */
  static final int BATCH = 2048;

  /** The ways a chunk can be read, fastest first. */
  public enum Path {
    /** Quote-free CSV cut in place from bytes ({@link FastCsv}). */
    CSV_BYTES,
    /** CSV with quotes, through commons-csv ({@link FastCsv}). */
    CSV_COMMONS,
    /** NDJSON lines that are plain flat objects, read from bytes ({@link FlatNdjson}). */
    NDJSON_FLAT,
    /** NDJSON through Jackson's streaming parser ({@link FastNdjson}). */
    NDJSON_JACKSON,
    /** The SDK's reader, which reports every problem exactly. */
    SDK_READER
  }

  private static final java.util.concurrent.atomic.AtomicLongArray READS =
      new java.util.concurrent.atomic.AtomicLongArray(Path.values().length);

  /**
   * How many chunks each path has read since the JVM started: a diagnostic for tests and
   * benchmarks, which check that the fast paths are taken where they should be.
   *
   * @param path a path
   * @return the count
   */
  public static long reads(Path path) {
    return READS.get(path.ordinal());
  }

  static void count(Path path) {
    READS.incrementAndGet(path.ordinal());
  }

  private final String file;
  private final ObservationFormat format;
  private final Callable<InputStream> opener;

  /**
   * Creates a source.
   *
   * @param file   the name shown in findings
   * @param format CSV or NDJSON
   * @param opener opens the bytes
   */
  public ChunkedFileSource(String file, ObservationFormat format, Callable<InputStream> opener) {
    if (format == ObservationFormat.JSON) {
      throw new IllegalArgumentException("a JSON document cannot be cut into chunks");
    }
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
    new FileObservationSource(file, format, opener).read(sink);
  }

  /** A unit of work for a worker, in file order. */
  public interface Unit {
    /**
     * Parses the unit.
     *
     * @return observations and syntax problems, in file order
     */
    List<Object> parse();

    /**
     * Whether reading stops after this unit (a CSV syntax error ends the file).
     *
     * @param events what {@link #parse()} returned
     * @return true when later units must be ignored
     */
    default boolean stops(List<Object> events) {
      for (Object e : events) {
        if (e instanceof SyntaxProblem p && (p.code().equals(ReadProblem.CSV_SYNTAX)
            || p.code().equals(ReadProblem.IO_ERROR))) {
          return true;
        }
      }
      return false;
    }
  }

  /** Receives units in file order. */
  public interface UnitSink {
    /**
     * Takes a unit.
     *
     * @param unit the unit
     * @throws InterruptedException if the run was cancelled
     */
    void accept(Unit unit) throws InterruptedException;
  }

  /**
   * Splits the file, passing units in order. Runs on the splitter thread.
   *
   * @param out where units go
   * @throws IOException          if the file cannot be read
   * @throws InterruptedException if the run was cancelled
   */
  public void split(UnitSink out) throws IOException, InterruptedException {
    InputStream in;
    try {
      in = opener.call();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e.getMessage(), e);
    }
    try (in) {
      new Splitter(in, out).run();
    }
  }

  /**
   * Buffers that workers have parsed, for the splitter to read into again (a chunk's bytes are
   * handed over, not copied, and a fresh buffer would have to be zeroed). Bounded: a buffer that
   * does not fit is left to the garbage collector.
   */
  private final java.util.concurrent.ArrayBlockingQueue<byte[]> free = new java.util.concurrent.ArrayBlockingQueue<>(16);

  /** A buffer of {@link #BUFFER} bytes, reused when one is free. */
  private byte[] buffer() {
    byte[] b = free.poll();
    return b != null ? b : new byte[BUFFER];
  }

  /** The splitter's state. */
  private final class Splitter {
    private final InputStream in;
    private final UnitSink out;
    private final boolean csv = format == ObservationFormat.CSV;
    private byte[] buf = buffer();
    private int len;
    private boolean eof;
    private long seq;
    // header (CSV)
    private byte[] header;
    private String[] names;
    private int[] indexes;
    private boolean headerDone;
    // scanning state
    private boolean inQuotes;
    /** Where the last quoted field closed (a quote right after it is an escaped quote). */
    private int closedAt = -2;
    private int recordStart;
    private boolean recordBlank = true;
    private boolean lineOnlyQuotes;
    private int quoteCount;
    private int loneCr = -1;
    private int longest;
    private long lines;
    private long rows;
    // the current chunk: it always starts the buffer (a chunk handed over takes its buffer)
    private long chunkRow = 1;
    private long chunkLine = 1;
    private boolean chunkPlain = true;
    private boolean atFileStart = true;

    Splitter(InputStream in, UnitSink out) {
      this.in = in;
      this.out = out;
    }

    void run() throws IOException, InterruptedException {
      int scan = 0;
      int boundary = 0;
      long boundaryRows = 0;
      long boundaryLines = 0;
      while (true) {
        if (!eof && len < buf.length) {
          int r = in.read(buf, len, Math.min(buf.length - len, READ));
          if (r < 0) {
            eof = true;
          } else {
            len += r;
          }
        }
        for (; scan < len; scan++) {
          // skip plain bytes quickly: the state only changes at these few characters
          int j = scan;
          if (!csv) {
            if (!recordBlank) {
              j = ByteScan.lineEnd(buf, j, len);
            }
          } else {
            j = ByteScan.quoteOrLineEnd(buf, j, len);
            if (j > scan && !inQuotes) {
              recordBlank = false; // content, commas included
            }
          }
          int l = len;
          if (j >= l) {
            scan = l;
            break;
          }
          scan = j;
          byte b = buf[scan];
          if (b == '\r') {
            boolean crlf = scan + 1 < len ? buf[scan + 1] == '\n' : !eof;
            if (scan + 1 >= len && !eof) {
              break; // need the next byte to decide
            }
            if (!crlf) {
              if (csv) {
                sequentialFromChunk();
                return;
              }
              loneCr = scan;
            }
            continue;
          }
          if (csv) {
            if (inQuotes) {
              if (b == '"') {
                inQuotes = false;
                closedAt = scan;
              } else if (b == '\n') {
                lines++;
              }
              continue;
            }
            if (b == '"') {
              quoteCount++;
              boolean fieldStart = scan == recordStart || buf[scan - 1] == ',';
              boolean afterClosingQuote = closedAt == scan - 1 && scan > recordStart;
              if (afterClosingQuote || fieldStart) {
                inQuotes = true; // an opening quote, or a doubled quote inside a quoted field
              }
              continue;
            }
            // else a line feed: commas are skipped with the content
          } else if (b != '\n') {
            if (b != ' ' && b != '\t' && !(lines == 0 && scan < 3 && (b & 0x80) != 0)) {
              recordBlank = false;
            }
            continue;
          }
          // a record (CSV) or line (NDJSON) ends at this newline
          lines++;
          endRecord(scan + 1);
          boundary = scan + 1;
          boundaryRows = rows;
          boundaryLines = lines;
          if (names == null && csv && !headerDone) {
            sequentialFromChunk(); // the header could not be read cleanly
            return;
          }
          if (boundary >= CHUNK) {
            emit(boundary, boundaryRows, boundaryLines);
            scan -= boundary;
            boundary = 0;
          }
        }
        if (eof && scan >= len) {
          if (atFileStart && len == 0) {
            sequentialFromChunk(); // an empty file: the reader says what is missing
            return;
          }
          if (len > 0) {
            if (len > boundary) {
              // the last record has no newline at its end
              endRecord(len);
              boundaryRows = rows;
              boundaryLines = lines;
              if (names == null && csv && !headerDone) {
                sequentialFromChunk();
                return;
              }
            }
            emit(len, boundaryRows, boundaryLines);
          }
          return;
        }
        if (len > MAX_PENDING) {
          sequentialFromChunk();
          return;
        }
        if (len == buf.length) {
          // a record longer than the buffer: grow it
          buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
      }
    }

    private void endRecord(int end) {
      longest = Math.max(longest, end - recordStart);
      if (csv && !headerDone) {
        headerDone = true;
        header = java.util.Arrays.copyOfRange(buf, recordStart, end);
        readHeader();
      } else {
        boolean blank;
        if (csv) {
          blank = names != null && names.length != 1
              && recordBlank && (quoteCount == 0 || quoteCount == 1 && emptyQuoted(recordStart, end));
        } else {
          blank = recordBlank;
        }
        if (!blank) {
          rows++;
        }
      }
      recordStart = end;
      recordBlank = true;
      quoteCount = 0;
    }

    /** Whether a record is exactly {@code ""} (an empty quoted cell): a blank line to the reader. */
    private boolean emptyQuoted(int from, int to) {
      int e = to;
      while (e > from && (buf[e - 1] == '\n' || buf[e - 1] == '\r')) {
        e--;
      }
      return e - from == 2 && buf[from] == '"' && buf[from + 1] == '"';
    }

    private void readHeader() {
      byte[] h = header;
      int off = h.length >= 3 && (h[0] & 0xff) == 0xEF && (h[1] & 0xff) == 0xBB
          && (h[2] & 0xff) == 0xBF ? 3 : 0;
      if (!Utf8Scan.valid(h, h.length)) {
        return;
      }
      String text = new String(h, off, h.length - off, StandardCharsets.UTF_8);
      try (CSVParser p = CSVParser.builder().setReader(new StringReader(text))
          .setFormat(FastCsv.FORMAT).get()) {
        var it = p.iterator();
        if (!it.hasNext()) {
          return;
        }
        CSVRecord rec = it.next();
        Set<String> seen = new HashSet<>();
        String[] n = new String[rec.size()];
        int[] idx = new int[rec.size()];
        for (int i = 0; i < n.length; i++) {
          String s = rec.get(i);
          if (s.isEmpty() || !seen.add(s) || s.length() > 1000) {
            return;
          }
          n[i] = s;
          idx[i] = FastObservations.index(s);
        }
        names = n;
        indexes = idx;
        // later chunks get the header without its byte order mark
        header = java.util.Arrays.copyOfRange(h, off, h.length);
      } catch (IOException | RuntimeException e) {
        // a header the fast path cannot read: the sequential reader reports it
      }
    }

    /**
     * Hands the bytes [0, end) over as a chunk: the chunk takes the buffer itself, and the bytes
     * read past {@code end} move to the front of a new buffer, so every position the splitter
     * keeps moves down by {@code end} (the caller moves its own).
     */
    private void emit(int end, long endRows, long endLines) throws InterruptedException {
      boolean endPlain = !(loneCr >= 0 && loneCr < end);
      byte[] data = buf;
      // the file's last chunk needs no next buffer
      buf = eof && len == end ? new byte[0] : data.length == BUFFER ? buffer() : new byte[data.length];
      System.arraycopy(data, end, buf, 0, len - end);
      len -= end;
      recordStart -= end;
      loneCr -= end;
      closedAt -= end;
      Chunk c = new Chunk(seq++, data, end, chunkRow, chunkLine, atFileStart, endPlain, longest);
      longest = 0;
      out.accept(new ChunkUnit(c, csv ? header : null, names, indexes));
      atFileStart = false;
      chunkRow = endRows + 1;
      chunkLine = endLines + 1;
    }

    /** Hands the rest of the file, from the current chunk on, to the SDK's sequential reader. */
    private void sequentialFromChunk() throws IOException, InterruptedException {
      count(Path.SDK_READER);
      List<InputStream> parts = new ArrayList<>();
      boolean prefixed = csv && !atFileStart && header != null;
      if (prefixed) {
        parts.add(new ByteArrayInputStream(header));
      }
      parts.add(new ByteArrayInputStream(buf, 0, len));
      parts.add(in);
      InputStream rest = new SequenceInputStream(Collections.enumeration(parts));
      Rebase rebase = new Rebase(chunkRow - 1, chunkLine - (prefixed ? 2 : 1), prefixed);
      List<Object> batch = new ArrayList<>(BATCH);
      ReadOptions options = ReadOptions.defaults().withListener(p -> {
        SyntaxProblem sp = rebase.problem(p);
        if (sp != null) {
          batch.add(sp);
        }
      });
      try (ObservationReader r = ObservationReader.of(rest, file, format, options)) {
        while (r.hasNext()) {
          batch.add(rebase.observation(r.next()));
          if (batch.size() >= BATCH) {
            out.accept(new ParsedUnit(new ArrayList<>(batch)));
            batch.clear();
          }
        }
      }
      if (!batch.isEmpty()) {
        out.accept(new ParsedUnit(new ArrayList<>(batch)));
      }
    }
  }

  /** Moves locations of a reader that started mid-file to their place in the file. */
  private final class Rebase {
    private final long rowOffset;
    private final long lineOffset;
    private final boolean dropHeaderProblems;

    Rebase(long rowOffset, long lineOffset, boolean dropHeaderProblems) {
      this.rowOffset = rowOffset;
      this.lineOffset = lineOffset;
      this.dropHeaderProblems = dropHeaderProblems;
    }

    SourceLocation at(SourceLocation l) {
      if (rowOffset == 0 && lineOffset == 0) {
        return l;
      }
      return new SourceLocation(file, l.row() == 0 ? 0 : l.row() + rowOffset,
          l.line() == 0 ? 0 : Math.max(1, l.line() + lineOffset), l.column(), l.pointer());
    }

    Observation observation(Observation o) {
      if (rowOffset == 0 && lineOffset == 0) {
        return o;
      }
      return new Observation(o.indicator(), o.geoLevel(), o.geoId(), o.geoName(), o.period(),
          o.raceEthnicity(), o.sex(), o.age(), o.income(), o.disability(), o.nativity(),
          o.value(), o.moe(), o.lower(), o.upper(), o.numerator(), o.denominator(), o.status(),
          o.note(), o.unparsed(), o.extra(), at(o.location()));
    }

    SyntaxProblem problem(ReadProblem p) {
      if (dropHeaderProblems && p.location().row() == 0 && p.location().line() <= 1) {
        return null; // the header's problems were reported with the first chunk
      }
      return FileObservationSource.of(new ReadProblem(p.code(), at(p.location()),
          p.charColumn(), p.message(), p.value()));
    }
  }

  /** A chunk to parse: the fast path, else the SDK's reader over the chunk. */
  private final class ChunkUnit implements Unit {
    private final Chunk chunk;
    private final byte[] header;
    private final String[] names;
    private final int[] indexes;

    ChunkUnit(Chunk chunk, byte[] header, String[] names, int[] indexes) {
      this.chunk = chunk;
      this.header = header;
      this.names = names;
      this.indexes = indexes;
    }

    @Override
    public List<Object> parse() {
      try {
        return read();
      } finally {
        // nothing parsed keeps the bytes (texts are copied out): the splitter may read into them again
        if (chunk.data().length == BUFFER) {
          free.offer(chunk.data());
        }
      }
    }

    private List<Object> read() {
      List<Object> out = new ArrayList<>(8192);
      if (chunk.plain()) {
        boolean ok = format == ObservationFormat.CSV
            ? names != null && FastCsv.parse(chunk, file, names, indexes,
                ReadOptions.DEFAULT_MAX_FIELD_CHARS, out)
            : FlatNdjson.parse(chunk, file, out) || FastNdjson.parse(chunk, file, out);
        if (ok) {
          return out;
        }
      }
      count(Path.SDK_READER);
      out.clear();
      boolean prefixed = format == ObservationFormat.CSV && !chunk.first();
      InputStream bytes = new ByteArrayInputStream(chunk.data(), 0, chunk.length());
      if (prefixed) {
        bytes = new SequenceInputStream(new ByteArrayInputStream(header), bytes);
      }
      Rebase rebase = new Rebase(chunk.firstRow() - 1, chunk.firstLine() - (prefixed ? 2 : 1),
          prefixed);
      ReadOptions options = ReadOptions.defaults().withListener(p -> {
        SyntaxProblem sp = rebase.problem(p);
        if (sp != null) {
          out.add(sp);
        }
      });
      try (ObservationReader r = ObservationReader.of(bytes, file, format, options)) {
        while (r.hasNext()) {
          out.add(rebase.observation(r.next()));
        }
      }
      return out;
    }
  }

  /** Observations the sequential fallback already read. */
  private static final class ParsedUnit implements Unit {
    private final List<Object> events;

    ParsedUnit(List<Object> events) {
      this.events = events;
    }

    @Override
    public List<Object> parse() {
      return events;
    }
  }
}
