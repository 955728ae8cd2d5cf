package org.civicequity.validate.internal.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.civicequity.core.Observation;

/**
 * Runs a source's parsing on its own thread and hands rows to the validating thread in batches,
 * so that parsing and rules use both cores. Memory stays bounded: at most {@code QUEUE} batches
 * of {@code BATCH} rows are in flight. Row order is kept, so findings are deterministic.
 */
public final class Pipeline {
  static final int BATCH = 1024;
  static final int QUEUE = 8;

  private Pipeline() {
  }

  /**
   * Reads the source and passes everything to the sink, on the calling thread, in order.
   *
   * @param source the source
   * @param sink   the consumer, called on the calling thread only
   * @throws IOException if the source failed to read
   */
  public static void run(ObservationSource source, RowSink sink) throws IOException {
    if (!source.parallel()) {
      source.read(sink);
      return;
    }
    BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(QUEUE);
    Producer producer = new Producer(source, queue);
    Thread t = new Thread(producer, "civic-equity-reader");
    t.setDaemon(true);
    t.start();
    boolean done = false;
    try {
      while (true) {
        Object[] batch = queue.take();
        for (Object item : batch) {
          if (item == null) {
            break;
          }
          if (item instanceof Observation o) {
            sink.row(o);
          } else if (item instanceof SyntaxProblem p) {
            sink.problem(p);
          } else if (item == END) {
            done = true;
            break;
          } else if (item instanceof Failure f) {
            done = true;
            if (f.error instanceof IOException io) {
              throw io;
            }
            if (f.error instanceof RuntimeException re) {
              throw re;
            }
            if (f.error instanceof Error e) {
              throw e;
            }
            throw new UncheckedIOException(new IOException(f.error));
          }
        }
        if (done) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while validating " + source.file(), e);
    } finally {
      if (!done) {
        t.interrupt();
      }
    }
  }

  private static final Object END = new Object();

  private record Failure(Throwable error) {
  }

  private static final class Producer implements Runnable, RowSink {
    private final ObservationSource source;
    private final BlockingQueue<Object[]> queue;
    private Object[] batch = new Object[BATCH];
    private int size;

    Producer(ObservationSource source, BlockingQueue<Object[]> queue) {
      this.source = source;
      this.queue = queue;
    }

    @Override
    public void run() {
      Object last = END;
      try {
        source.read(this);
      } catch (Throwable e) {
        last = new Failure(e);
      }
      try {
        add(last);
        flush();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void row(Observation observation) {
      addUnchecked(observation);
    }

    @Override
    public void problem(SyntaxProblem problem) {
      addUnchecked(problem);
    }

    private void addUnchecked(Object o) {
      try {
        add(o);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Cancelled();
      }
    }

    private void add(Object o) throws InterruptedException {
      batch[size++] = o;
      if (size == BATCH) {
        flush();
      }
    }

    private void flush() throws InterruptedException {
      if (size > 0) {
        queue.put(batch);
        batch = new Object[BATCH];
        size = 0;
      }
    }
  }

  /** Thrown inside the reader thread when the validating thread gave up. */
  private static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super("cancelled", null, false, false);
    }
  }
}
