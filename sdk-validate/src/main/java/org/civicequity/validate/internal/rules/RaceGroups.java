package org.civicequity.validate.internal.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicequity.core.Code;
import org.civicequity.core.Codelist;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.civicequity.validate.ValidationContext;
import org.civicequity.validate.internal.CompiledContext;
import org.civicequity.validate.internal.Fingerprint;
import org.civicequity.validate.internal.LongIndex;

/**
 * The per-key state shared by the keyed rules of one run (duplicates, group sums, complementary
 * suppression). A <em>group</em> is every row with the same indicator, geography, period and
 * dimensions other than race/ethnicity; within a group, each race/ethnicity code is one bit.
 *
 * <p>Memory: a 64-bit fingerprint per group plus about 100 bytes of counters (sums per
 * partition, bit sets of the codes present, suppressed and known, the location of the total and
 * of a suppressed row). Rows are never kept. A row whose race code has no bit (more than 63 codes,
 * or an unknown code) is checked for duplicates by the fingerprint of its full key instead.
 *
 * <p>Each row is taken into account once even though several rules feed it (the last row is
 * remembered by identity).
 */
final class RaceGroups {
  /** Partition names, for messages. */
  static final String[] PARTITIONS = {"race alone", "not-Hispanic races and Hispanic"};

  private final CompiledContext ctx;
  private final Map<String, Integer> bits = new HashMap<>();
  private final long[] partitionMasks = new long[PARTITIONS.length];
  private final LongIndex index = new LongIndex();
  private final LongIndex fallback = new LongIndex();
  private final Fingerprint fp = new Fingerprint();
  private final List<String> files = new ArrayList<>();
  private final Map<String, Integer> fileIds = new HashMap<>();
  private String lastFile;
  private short lastFileId;

  private long[] present = new long[1024];
  private long[] suppressed = new long[1024];
  private long[] known = new long[1024];
  private double[] totalSize = new double[1024];
  private double[] totalCount = new double[1024];
  private double[] partSize = new double[1024 * PARTITIONS.length];
  private double[] partCount = new double[1024 * PARTITIONS.length];
  private int[] totalRow = new int[1024];
  private int[] totalLine = new int[1024];
  private int[] supRow = new int[1024];
  private int[] supLine = new int[1024];
  private short[] file = new short[1024];
  private byte[] flags = new byte[1024];

  private static final byte COUNT_UNIT = 1;
  private static final byte JSON = 2;

  private Observation last;
  private boolean lastDuplicate;
  // the previous row's group fields: a row of the same group (same instances) reuses its id
  private String kIndicator;
  private String kLevel;
  private String kGeo;
  private String kPeriod;
  private String kSex;
  private String kAge;
  private String kIncome;
  private String kDisability;
  private String kNativity;
  private long lastG;
  private int lastId = -1;

  private RaceGroups(CompiledContext ctx) {
    this.ctx = ctx;
    Codelist races = ctx.codelist("race-ethnicity");
    if (races != null) {
      int bit = 1;
      for (Code c : races.codes()) {
        if (bit > 63) {
          break;
        }
        bits.put(c.code(), bit);
        int p = partitionOf(c);
        if (p >= 0) {
          partitionMasks[p] |= 1L << bit;
        }
        bit++;
      }
    }
  }

  /**
   * The partition a race/ethnicity code belongs to: groups of one partition are mutually
   * exclusive, so their counts cannot add up to more than the total. The groups counted alone
   * with multiracial are one partition (OMB SPD 15, 2024); the not-Hispanic race groups with
   * Hispanic of any race are another (the 1997 two-question tabulation). Alone-or-in-combination
   * groups overlap and composites combine others, so they belong to none.
   */
  static int partitionOf(Code c) {
    String tab = c.attribute("tabulation");
    String group = c.attribute("group");
    if ("hispanic".equals(group) && "aoic".equals(tab)) {
      return 1; // Hispanic of any race, beside the not-Hispanic race groups
    }
    if ("alone".equals(tab) || "combined".equals(tab)) {
      return 0; // one group only, or two or more groups (multiracial)
    }
    if ("nh".equals(tab)) {
      return 1;
    }
    return -1;
  }

  static RaceGroups of(ValidationContext ctx) {
    return CompiledContext.of(ctx).shared(RaceGroups.class, RaceGroups::new);
  }

  /** @return the number of groups */
  int size() {
    return index.size();
  }

  /**
   * Takes a row into account (once, however many rules call this); a row whose key is incomplete
   * ({@link DuplicateRule#complete}) is left out.
   *
   * @param o the row
   * @return true when the row repeats the full key of an earlier row
   */
  boolean accept(Observation o) {
    if (o == last) {
      return lastDuplicate;
    }
    last = o;
    if (!DuplicateRule.complete(o)) {
      // a missing or misnamed key column (REQUIRED_FIELD_MISSING / UNKNOWN_FIELD say so): rows of
      // different places or groups would be added up as one, so the row takes no part in sums
      lastDuplicate = false;
      return false;
    }
    long g;
    int id;
    if (lastId >= 0 && same(o.indicator(), kIndicator) && same(o.geoLevel(), kLevel)
        && same(o.geoId(), kGeo) && same(o.period(), kPeriod) && same(o.sex(), kSex)
        && same(o.age(), kAge) && same(o.income(), kIncome) && same(o.disability(), kDisability)
        && same(o.nativity(), kNativity)) {
      g = lastG;
      id = lastId;
    } else {
      g = fp.reset().add(o.indicator()).add(o.geoLevel()).add(o.geoId()).add(o.period())
          .add(o.sex()).add(o.age()).add(o.income()).add(o.disability()).add(o.nativity()).value();
      int before = index.size();
      id = index.idOf(g);
      if (id == before) {
        ensure(id);
        totalSize[id] = Double.NaN;
        totalCount[id] = Double.NaN;
      }
      kIndicator = o.indicator();
      kLevel = o.geoLevel();
      kGeo = o.geoId();
      kPeriod = o.period();
      kSex = o.sex();
      kAge = o.age();
      kIncome = o.income();
      kDisability = o.disability();
      kNativity = o.nativity();
      lastG = g;
      lastId = id;
    }
    String race = o.raceEthnicity();
    int bit;
    if (race == null) {
      bit = 0;
    } else {
      Integer b = bits.get(race);
      bit = b == null ? -1 : b;
    }
    boolean dup;
    if (bit >= 0) {
      long m = 1L << bit;
      dup = (present[id] & m) != 0;
      present[id] |= m;
    } else {
      int n = fallback.size();
      dup = fallback.idOf(Fingerprint.combine(g, fp.reset().add(race).value())) < n;
    }
    lastDuplicate = dup;
    if (dup) {
      return true;
    }
    CompiledContext.UnitFacts unit = ctx.unitFactsOf(o);
    boolean countUnit = unit != null && unit.count();
    Double size = countUnit ? o.value() : o.denominator();
    Double count = countUnit ? o.value() : o.numerator();
    boolean sup = "suppressed".equals(o.status());
    if (countUnit) {
      flags[id] |= COUNT_UNIT;
    }
    if (o.location().pointer() != null) {
      flags[id] |= JSON;
    }
    if (bit == 0) {
      totalSize[id] = size == null ? Double.NaN : size;
      totalCount[id] = count == null || sup ? Double.NaN : count;
      totalRow[id] = clamp(o.location().row());
      totalLine[id] = clamp(o.location().line());
      file[id] = fileId(o.location().file());
      if (sup) {
        suppressed[id] |= 1;
      }
      return false;
    }
    if (bit < 0) {
      return false;
    }
    long m = 1L << bit;
    if (sup) {
      if ((suppressed[id] & ~1L) == 0) {
        supRow[id] = clamp(o.location().row());
        supLine[id] = clamp(o.location().line());
        file[id] = fileId(o.location().file());
      }
      suppressed[id] |= m;
    } else if (count != null) {
      known[id] |= m;
    }
    for (int p = 0; p < PARTITIONS.length; p++) {
      if ((partitionMasks[p] & m) != 0) {
        int k = id * PARTITIONS.length + p;
        if (size != null) {
          partSize[k] += size;
        }
        if (count != null && !sup) {
          partCount[k] += count;
        }
      }
    }
    return false;
  }

  /**
   * Visits the groups whose parts in one partition add up to more than their total: the values
   * of a count indicator; the denominators of a rate or share, then its numerators (those of
   * suppressed groups are unknown, so the sum of the others is a lower bound, and exceeding the
   * total is certain).
   */
  void forEachExcess(ExcessVisitor v) {
    for (int id = 0; id < index.size(); id++) {
      boolean countUnit = (flags[id] & COUNT_UNIT) != 0;
      for (int p = 0; p < PARTITIONS.length; p++) {
        int k = id * PARTITIONS.length + p;
        if (exceeds(partSize[k], totalSize[id])) {
          v.visit(location(id, totalRow[id], totalLine[id], countUnit ? "value" : "denominator"),
              totalSize[id], partSize[k], p, countUnit ? "values" : "denominators");
        }
        if (!countUnit && exceeds(partCount[k], totalCount[id])) {
          v.visit(location(id, totalRow[id], totalLine[id], "numerator"), totalCount[id],
              partCount[k], p, "numerators");
        }
      }
    }
  }

  private static boolean exceeds(double sum, double total) {
    return !Double.isNaN(total) && sum > total + 0.5 + 1e-9 * Math.abs(total);
  }

  /**
   * Visits the groups where exactly one group of a partition is suppressed and the total and
   * the other groups' counts leave less than {@code threshold} for it, so the suppressed count
   * is revealed (or bounded below the threshold).
   */
  void forEachRecoverable(double threshold, RecoverableVisitor v) {
    for (int id = 0; id < index.size(); id++) {
      double total = totalCount[id];
      long sup = suppressed[id];
      if (Double.isNaN(total) || (sup & ~1L) == 0) {
        continue;
      }
      for (int p = 0; p < PARTITIONS.length; p++) {
        long mask = partitionMasks[p];
        long members = present[id] & mask;
        long supIn = sup & mask;
        if (Long.bitCount(supIn) != 1 || Long.bitCount(members) < 2
            || (known[id] & mask) != (members & ~supIn)) {
          continue;
        }
        double residual = total - partCount[id * PARTITIONS.length + p];
        if (residual < threshold) {
          v.visit(location(id, supRow[id], supLine[id], "status"), p,
              Long.bitCount(members) - 1);
          break;
        }
      }
    }
  }

  private SourceLocation location(int id, int row, int line, String field) {
    SourceLocation at = new SourceLocation(files.get(file[id]), row, line, null,
        (flags[id] & JSON) != 0 ? "" : null);
    return at.field(field);
  }

  /**
   * Whether two fields are equal: by identity first (the file readers share repeated values),
   * else by content (rows built by other code, such as a converter, may not share them).
   */
  private static boolean same(String a, String b) {
    return a == b || (a != null && a.equals(b));
  }

  private short fileId(String f) {
    if (f == lastFile) {
      return lastFileId;
    }
    Integer i = fileIds.get(f);
    if (i == null) {
      i = Math.min(files.size(), Short.MAX_VALUE);
      if (i == files.size()) {
        files.add(f);
      }
      fileIds.put(f, i);
    }
    lastFile = f;
    lastFileId = (short) (int) i;
    return lastFileId;
  }

  private static int clamp(long v) {
    return (int) Math.min(v, Integer.MAX_VALUE);
  }

  private void ensure(int id) {
    if (id < present.length) {
      return;
    }
    int n = present.length + (present.length >> 1);
    present = Arrays.copyOf(present, n);
    suppressed = Arrays.copyOf(suppressed, n);
    known = Arrays.copyOf(known, n);
    totalSize = Arrays.copyOf(totalSize, n);
    totalCount = Arrays.copyOf(totalCount, n);
    partSize = Arrays.copyOf(partSize, n * PARTITIONS.length);
    partCount = Arrays.copyOf(partCount, n * PARTITIONS.length);
    totalRow = Arrays.copyOf(totalRow, n);
    totalLine = Arrays.copyOf(totalLine, n);
    supRow = Arrays.copyOf(supRow, n);
    supLine = Arrays.copyOf(supLine, n);
    file = Arrays.copyOf(file, n);
    flags = Arrays.copyOf(flags, n);
  }

  /** Receives a group whose parts exceed its total. */
  interface ExcessVisitor {
    void visit(SourceLocation totalAt, double total, double sum, int partition, String what);
  }

  /** Receives a recoverable suppressed group. */
  interface RecoverableVisitor {
    void visit(SourceLocation suppressedAt, int partition, int others);
  }
}
