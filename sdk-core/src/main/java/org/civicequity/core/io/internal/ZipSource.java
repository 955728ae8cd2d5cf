package org.civicequity.core.io.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.civicequity.core.io.FeedException;
import org.civicequity.core.io.FeedLimits;

/**
 * A feed in a zip file, read in place (nothing is extracted to disk). On opening, every entry
 * name is checked (no {@code ..}, no absolute or drive paths, no backslashes: a zip-slip entry
 * refuses the whole file), the number of entries, the declared total size and each large
 * entry's compression ratio are bounded. While reading, the bytes actually inflated are counted
 * against the entry's declared size and ratio, so a zip file that lies about its sizes is
 * stopped too (and the declared sizes bound the total).
 *
 * <p>The feed is the zip's root, or its single top-level folder when the manifest lies there
 * (as when a user zips the feed directory itself).
 */
public final class ZipSource implements FeedSource {
  private final String name;
  private final ZipFile zip;
  private final FeedLimits limits;
  private final Map<String, ZipEntry> entries = new HashMap<>();

  /**
   * Opens and checks a zip file.
   *
   * @param file   the zip file
   * @param limits the bounds
   * @throws IOException if the file is not a zip file or breaks a bound
   */
  public ZipSource(Path file, FeedLimits limits) throws IOException {
    this.name = String.valueOf(file.getFileName());
    this.limits = limits;
    try {
      this.zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new FeedException(name, FeedException.Reason.ZIP_INVALID,
          "not a readable zip file (" + e.getMessage() + ")", e);
    }
    try {
      index();
    } catch (IOException | RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  private void index() throws IOException {
    if (zip.size() > limits.maxEntries()) {
      throw new FeedException(name, FeedException.Reason.ZIP_TOO_MANY_ENTRIES, "the zip file has "
          + zip.size() + " entries, more than the limit of " + limits.maxEntries());
    }
    Map<String, ZipEntry> all = new HashMap<>();
    long total = 0;
    int count = 0;
    Enumeration<? extends ZipEntry> en = zip.entries();
    while (en.hasMoreElements()) {
      ZipEntry e = en.nextElement();
      if (++count > limits.maxEntries()) {
        throw new FeedException(name, FeedException.Reason.ZIP_TOO_MANY_ENTRIES,
            "the zip file has more than " + limits.maxEntries() + " entries");
      }
      String n = e.getName();
      String entryPath = e.isDirectory() && n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
      if (!entryPath.isEmpty()) {
        String why = FeedPaths.problem(entryPath);
        if (why != null) {
          throw new FeedException(name, FeedException.Reason.ZIP_UNSAFE_ENTRY, "the entry '" + n
              + "' would leave the feed (" + why + "); the zip file is refused");
        }
      }
      if (e.isDirectory()) {
        continue;
      }
      long size = e.getSize();
      long compressed = e.getCompressedSize();
      if (size > 0) {
        total += size;
        if (total > limits.maxTotalBytes()) {
          throw new FeedException(name, FeedException.Reason.ZIP_TOO_LARGE, "the zip file "
              + "expands to more than " + limits.maxTotalBytes() + " bytes");
        }
        if (size > limits.ratioFloorBytes() && compressed >= 0
            && size > (double) limits.maxRatio() * Math.max(1, compressed)) {
          throw new FeedException(name, FeedException.Reason.ZIP_RATIO, "the entry '" + n
              + "' expands from " + compressed + " to " + size + " bytes, more than "
              + limits.maxRatio() + ":1 (a zip bomb?)");
        }
      }
      all.put(n, e);
    }
    String prefix = "";
    if (!all.containsKey("datapackage.json")) {
      List<String> tops = new ArrayList<>();
      for (String n : all.keySet()) {
        if (n.startsWith("__MACOSX/")) {
          continue; // resource forks that macOS adds when it zips a folder
        }
        int slash = n.indexOf('/');
        String top = slash < 0 ? "" : n.substring(0, slash + 1);
        if (!tops.contains(top)) {
          tops.add(top);
        }
      }
      if (tops.size() == 1 && !tops.get(0).isEmpty()
          && all.containsKey(tops.get(0) + "datapackage.json")) {
        prefix = tops.get(0);
      }
    }
    for (Map.Entry<String, ZipEntry> e : all.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        entries.put(e.getKey().substring(prefix.length()), e.getValue());
      }
    }
  }

  @Override
  public boolean exists(String path) {
    return entries.containsKey(path);
  }

  @Override
  public long size(String path) throws IOException {
    ZipEntry e = entry(path);
    if (e.getSize() >= 0) {
      return e.getSize();
    }
    long n = 0;
    try (InputStream in = open(path)) {
      byte[] buf = new byte[1 << 16];
      int r;
      while ((r = in.read(buf)) > 0) {
        n += r;
      }
    }
    return n;
  }

  private ZipEntry entry(String path) throws FeedException {
    ZipEntry e = entries.get(path);
    if (e == null) {
      throw new FeedException(path, FeedException.Reason.NOT_FOUND, "no such file in the zip "
          + "file " + name);
    }
    return e;
  }

  @Override
  public InputStream open(String path) throws IOException {
    ZipEntry e = entry(path);
    long declared = e.getSize();
    long compressed = Math.max(1, e.getCompressedSize());
    long ratioCap = e.getCompressedSize() < 0 ? Long.MAX_VALUE
        : Math.max(limits.ratioFloorBytes(), compressed * limits.maxRatio());
    long cap = declared >= 0 ? Math.min(declared, ratioCap) : ratioCap;
    return new Bounded(zip.getInputStream(e), path, cap, declared >= 0 && declared <= ratioCap);
  }

  /** Counts inflated bytes against the entry's and the feed's bounds. */
  private final class Bounded extends FilterInputStream {
    private final String path;
    private final long cap;
    private final boolean capIsDeclaredSize;
    private long read;

    Bounded(InputStream in, String path, long cap, boolean capIsDeclaredSize) {
      super(in);
      this.path = path;
      this.cap = cap;
      this.capIsDeclaredSize = capIsDeclaredSize;
    }

    private void count(long n) throws FeedException {
      if (n <= 0) {
        return;
      }
      read += n;
      if (read > cap) {
        throw new FeedException(path, capIsDeclaredSize ? FeedException.Reason.ZIP_INVALID
            : FeedException.Reason.ZIP_RATIO, capIsDeclaredSize
            ? "the entry holds more bytes than the zip file declares (" + cap + ")"
            : "the entry expands beyond " + limits.maxRatio() + ":1 (a zip bomb?)");
      }
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count(n);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count(s);
      return s;
    }
  }

  @Override
  public List<String> files() {
    List<String> out = new ArrayList<>(entries.keySet());
    Collections.sort(out);
    return out;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
