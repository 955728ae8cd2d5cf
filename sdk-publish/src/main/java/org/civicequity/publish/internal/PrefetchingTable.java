package org.civicequity.publish.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a table's rows in a background thread, in batches, so that parsing the file (CSV or
 * Excel) and converting its rows run at the same time. Rows come out in the file's order; a read
 * failure is rethrown by {@link #next()} where it happened.
 */
final class PrefetchingTable implements Table {
  private static final int BATCH = 1024;
  private static final List<RawRow> END = List.of();

  private final Table table;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
  private final Thread reader;
  private List<RawRow> batch = List.of();
  private int pos;
  private boolean done;

  PrefetchingTable(Table table) {
    this.table = table;
    this.reader = new Thread(this::fill, "civic-equity-table-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void fill() {
    try {
      List<RawRow> b = new ArrayList<>(BATCH);
      RawRow r;
      while ((r = table.next()) != null) {
        b.add(r);
        if (b.size() == BATCH) {
          queue.put(b);
          b = new ArrayList<>(BATCH);
        }
      }
      if (!b.isEmpty()) {
        queue.put(b);
      }
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      try {
        queue.put(e);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public RawRow next() throws IOException {
    while (pos == batch.size()) {
      if (done) {
        return null;
      }
      Object o;
      try {
        o = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("reading " + table.displayName() + " was interrupted", e);
      }
      if (o instanceof IOException io) {
        done = true;
        throw new IOException(io.getMessage(), io);
      }
      if (o instanceof RuntimeException re) {
        done = true;
        throw re;
      }
      @SuppressWarnings("unchecked")
      List<RawRow> next = (List<RawRow>) o;
      if (next == END) {
        done = true;
        return null;
      }
      batch = next;
      pos = 0;
    }
    return batch.get(pos++);
  }

  @Override
  public String displayName() {
    return table.displayName();
  }

  /** Stops the reader thread; the underlying table is closed by whoever opened it. */
  @Override
  public void close() {
    reader.interrupt();
    try {
      reader.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
