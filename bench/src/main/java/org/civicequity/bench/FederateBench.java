package org.civicequity.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.civicequity.core.Catalogue;
import org.civicequity.core.Indicator;
import org.civicequity.core.Observation;
import org.civicequity.core.io.IndicatorsWriter;
import org.civicequity.core.io.ObservationWriter;
import org.civicequity.federate.CompareOptions;
import org.civicequity.federate.Comparer;
import org.civicequity.federate.ComparisonResult;
import org.civicequity.federate.ComparisonWriter;
import org.civicequity.federate.Federation;
import org.civicequity.federate.FederationStore;
import org.civicequity.federate.HarvestOptions;
import org.civicequity.federate.Harvester;
import org.civicequity.federate.Member;
import org.civicequity.federate.MemberResult;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Harvests and compares a synthetic federation: J jurisdictions (member feeds on disk, one
 * county each, optionally with T tracts) × I core-catalogue indicators × G race/ethnicity groups
 * × P periods. Every member is validated with the full rule set, loaded into a DuckDB file, and
 * the whole federation is compared; the comparison is written as CSV. Peak JVM heap is sampled
 * throughout, to show that the store, not the heap, holds the data.
 *
 * <pre>
 * java -Xmx512m -cp ... org.civicequity.bench.FederateBench [--jurisdictions 1000]
 *     [--indicators 30] [--groups 10] [--periods 5] [--tracts 0] [--dir DIR]
 *     [--memory-limit 2GB] [--keep]
 * </pre>
 * With {@code --tracts T}, each member also has T tracts with the same indicators and groups, so
 * rows = J × (1 + T) × I × G × P. Prints one line per phase; not a test.
 */
public final class FederateBench {
  private static final List<String> GROUPS = List.of("aian-alone", "asian-alone", "black-alone",
      "hispanic-aoic", "mena-alone", "nhpi-alone", "white-alone", "white-alone-nh", "multiracial",
      "people-of-color");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private FederateBench() {
  }

  /**
   * Runs the benchmark.
   *
   * @param args see the class comment
   * @throws Exception if files cannot be written or the store fails
   */
  public static void main(String[] args) throws Exception {
    int jurisdictions = 1000;
    int indicatorCount = 30;
    int groups = 10;
    int periods = 5;
    int tracts = 0;
    String memoryLimit = "2GB";
    boolean keep = false;
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "civic-equity-federate-bench");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--jurisdictions" -> jurisdictions = Integer.parseInt(args[++i]);
        case "--indicators" -> indicatorCount = Integer.parseInt(args[++i]);
        case "--groups" -> groups = Integer.parseInt(args[++i]);
        case "--periods" -> periods = Integer.parseInt(args[++i]);
        case "--tracts" -> tracts = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        case "--memory-limit" -> memoryLimit = args[++i];
        case "--keep" -> keep = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (groups > GROUPS.size()) {
      throw new IllegalArgumentException("at most " + GROUPS.size() + " groups");
    }
    List<Indicator> catalogue = Catalogue.core().indicators();
    List<Indicator> chosen = new ArrayList<>();
    for (Indicator i : catalogue) {
      if (chosen.size() < indicatorCount && !"neutral".equals(i.polarity())) {
        chosen.add(i);
      }
    }
    if (chosen.size() < indicatorCount) {
      throw new IllegalArgumentException("the core catalogue has only " + chosen.size()
          + " indicators with a polarity");
    }
    HeapWatch heap = new HeapWatch();
    heap.start();
    long rows = (long) jurisdictions * (1 + tracts) * indicatorCount * groups * periods;
    System.out.printf(Locale.ROOT, "federate bench: %d jurisdictions x %d geographies x %d indicators"
            + " x %d groups x %d periods = %,d rows; max heap %d MiB; %d cores%n",
        jurisdictions, 1 + tracts, indicatorCount, groups, periods, rows,
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

    Path feeds = dir.resolve("feeds");
    long t0 = System.nanoTime();
    List<Member> members = new ArrayList<>();
    long bytes = 0;
    for (int j = 0; j < jurisdictions; j++) {
      Path feed = feeds.resolve(String.format(Locale.ROOT, "j%04d", j));
      bytes += writeFeed(feed, j, chosen, GROUPS.subList(0, groups), periods, tracts);
      members.add(new Member(String.format(Locale.ROOT, "j%04d", j), null, feed.toString(), null));
    }
    double gen = seconds(t0);
    System.out.printf(Locale.ROOT, "generate: %.1f s, %,d bytes of feeds%n", gen, bytes);

    Path storeFile = dir.resolve("federation.duckdb");
    Files.deleteIfExists(storeFile);
    Files.deleteIfExists(dir.resolve("federation.duckdb.wal"));
    Federation federation = new Federation("bench", "Synthetic federation", null, members, List.of());
    try (FederationStore store = FederationStore.open(storeFile);
        Harvester harvester = new Harvester(HarvestOptions.defaults())) {
      try (Statement s = store.connection().createStatement()) {
        s.execute("SET memory_limit = '" + memoryLimit.replace("'", "") + "'");
        s.execute("SET temp_directory = '" + dir.resolve("duckdb-tmp").toString().replace("'", "''") + "'");
      }
      long t1 = System.nanoTime();
      long c1 = cpu();
      PhaseClock clock = new PhaseClock();
      List<MemberResult> results = harvester.harvest(federation, store, clock);
      double harvest = seconds(t1);
      long harvested = results.stream().filter(MemberResult::harvested).count();
      long loaded = store.count("observations");
      System.out.printf(Locale.ROOT, "harvest (validate + load): %.1f s (CPU %.1f s), %d/%d members,"
          + " %,d rows, %,.0f rows/s, peak heap %d MiB%n", harvest, cpuSince(c1), harvested,
          results.size(), loaded, loaded / harvest, heap.peakMiB());
      System.out.printf(Locale.ROOT, "  of which: fetch+hash %.1f s, validate %.1f s, load %.1f s%n",
          clock.seconds[0], clock.seconds[1], clock.seconds[2]);
      results.stream().filter(r -> !r.harvested()).limit(3)
          .forEach(r -> System.out.println("  skipped " + r.member() + ": " + r.reason()));

      long t2 = System.nanoTime();
      long c2 = cpu();
      ComparisonResult c = Comparer.compare(store, catalogue, CompareOptions.defaults());
      double compare = seconds(t2);
      System.out.printf(Locale.ROOT, "compare: %.1f s (CPU %.1f s), %,d comparison rows, %,d summary"
          + " rows, %,d jurisdictions, %,d not compared, peak heap %d MiB%n", compare, cpuSince(c2),
          c.comparisonRows(),
          c.summaryRows(), c.jurisdictions(), c.notComparedRows(), heap.peakMiB());

      long t3 = System.nanoTime();
      long c3 = cpu();
      Path out = dir.resolve("out");
      ComparisonWriter.write(store, out, EnumSet.of(ComparisonWriter.Format.CSV,
          ComparisonWriter.Format.HTML), "Synthetic federation", null, "raceEthnicity");
      double write = seconds(t3);
      System.out.printf(Locale.ROOT, "write CSV + HTML: %.1f s (CPU %.1f s), comparison.csv %,d bytes,"
          + " index.html %,d bytes, peak heap %d MiB%n", write, cpuSince(c3),
          Files.size(out.resolve("comparison.csv")),
          Files.size(out.resolve("index.html")), heap.peakMiB());
      System.out.printf(Locale.ROOT, "total harvest + compare + write: %.1f s; store file %,d bytes;"
          + " peak heap %d MiB of %d MiB%n", harvest + compare + write, Files.size(storeFile),
          heap.peakMiB(), Runtime.getRuntime().maxMemory() >> 20);
    } finally {
      heap.stopNow();
      if (!keep) {
        deleteTree(dir);
      }
    }
  }

  /** Writes one synthetic member feed; returns its bytes. */
  private static long writeFeed(Path feed, int j, List<Indicator> indicators, List<String> groups,
      int periods, int tracts) throws IOException {
    Files.createDirectories(feed);
    Random rnd = new Random(j);
    String county = String.format(Locale.ROOT, "%05d", 1001 + j);
    List<Indicator> own = new ArrayList<>();
    for (Indicator i : indicators) {
      own.add(new Indicator(i.id(), i.name(), i.description(), i.domain(), i.unit(), i.polarity(),
          i.numerator(), i.denominator(), i.universe(), i.source(), i.methodology(),
          i.confidenceLevel(), i.id(), i.location()));
    }
    try (OutputStream out = Files.newOutputStream(feed.resolve("indicators.json"))) {
      IndicatorsWriter.write("1.0", own, out);
    }
    try (ObservationWriter w = ObservationWriter.csv(Files.newOutputStream(feed.resolve("observations.csv")))) {
      for (int g = 0; g <= tracts; g++) {
        String level = g == 0 ? "county" : "tract";
        String geoId = g == 0 ? county : county + String.format(Locale.ROOT, "%06d", g * 100);
        for (Indicator i : own) {
          double base = base(i.unit(), rnd);
          for (int p = 0; p < periods; p++) {
            for (String group : groups) {
              double v = clamp(i.unit(), base * (0.6 + 0.8 * rnd.nextDouble()));
              double moe = Math.max(v * (0.02 + 0.1 * rnd.nextDouble()), 0.1);
              w.write(Observation.builder().indicator(i.id()).geoLevel(level).geoId(geoId)
                  .period(Integer.toString(2019 + p)).raceEthnicity(group).value(round(v))
                  .moe(round(moe)).denominator((double) (500 + rnd.nextInt(200_000))).build());
            }
          }
        }
      }
    }
    ObjectNode m = MAPPER.createObjectNode();
    m.put("$schema", "https://civicequity.org/schema/1.0/datapackage.schema.json");
    m.put("name", "synthetic-" + county);
    m.put("title", "Synthetic member " + county);
    m.put("version", "1.0.0");
    ArrayNode licenses = m.putArray("licenses");
    licenses.addObject().put("name", "CC0-1.0");
    ObjectNode ce = m.putObject("civicEquity");
    ce.put("standardVersion", "1.0");
    ObjectNode pub = ce.putObject("publisher");
    pub.put("name", "Synthetic county " + county);
    ObjectNode jur = pub.putObject("jurisdiction");
    jur.put("geoLevel", "county");
    jur.put("geoId", county);
    jur.put("name", "Synthetic county " + county);
    ArrayNode resources = m.putArray("resources");
    resource(resources, feed, "indicators", "indicators.json", "json", "application/json");
    resource(resources, feed, "observations", "observations.csv", "csv", "text/csv");
    Files.writeString(feed.resolve("datapackage.json"),
        MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(m), StandardCharsets.UTF_8);
    return Files.size(feed.resolve("observations.csv")) + Files.size(feed.resolve("indicators.json"))
        + Files.size(feed.resolve("datapackage.json"));
  }

  private static void resource(ArrayNode resources, Path feed, String name, String path,
      String format, String mediatype) throws IOException {
    ObjectNode r = resources.addObject();
    r.put("name", name);
    r.put("path", path);
    r.put("format", format);
    r.put("mediatype", mediatype);
    r.put("bytes", Files.size(feed.resolve(path)));
    r.put("hash", "sha256:" + sha256(feed.resolve(path)));
  }

  private static double base(String unit, Random rnd) {
    return switch (unit) {
      case "percent" -> 5 + 60 * rnd.nextDouble();
      case "currency-usd" -> 25_000 + 90_000 * rnd.nextDouble();
      case "years" -> 65 + 20 * rnd.nextDouble();
      case "rate-per-1000" -> 2 + 20 * rnd.nextDouble();
      case "rate-per-100000" -> 50 + 500 * rnd.nextDouble();
      case "minutes" -> 15 + 30 * rnd.nextDouble();
      case "index" -> 0.3 + 0.3 * rnd.nextDouble();
      default -> 1 + 10 * rnd.nextDouble();
    };
  }

  private static double clamp(String unit, double v) {
    if (unit.equals("percent")) {
      return Math.min(99.9, Math.max(0.1, v));
    }
    if (unit.equals("index")) {
      return Math.min(0.99, v);
    }
    return v;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static String sha256(Path file) throws IOException {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      try (var in = new java.security.DigestInputStream(Files.newInputStream(file), d)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** CPU time of the whole process (all threads, DuckDB's included), in nanoseconds. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double cpuSince(long start) {
    return (cpu() - start) / 1e9;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Adds up the time between harvest events: until verify, until validate, until done. */
  private static final class PhaseClock implements org.civicequity.federate.HarvestListener {
    final double[] seconds = new double[3];
    private long last = System.nanoTime();

    @Override
    public void event(String member, String event, String message) {
      long now = System.nanoTime();
      int phase = switch (event) {
        case "fetch", "verify" -> 0;
        case "validate" -> 1;
        case "load", "done" -> 2;
        default -> -1;
      };
      if (phase >= 0) {
        seconds[phase] += (now - last) / 1e9;
      }
      last = now;
    }
  }

  /** Samples the peak of heap use (all heap pools) every 50 ms. */
  private static final class HeapWatch extends Thread {
    private volatile boolean running = true;
    private volatile long peak;

    HeapWatch() {
      super("heap-watch");
      setDaemon(true);
    }

    @Override
    public void run() {
      while (running) {
        long used = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
          if (p.getType() == MemoryType.HEAP) {
            used += p.getUsage().getUsed();
          }
        }
        peak = Math.max(peak, used);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    long peakMiB() {
      return peak >> 20;
    }

    void stopWatching() {
      running = false;
    }

    void stopNow() {
      stopWatching();
      interrupt();
    }
  }
}
