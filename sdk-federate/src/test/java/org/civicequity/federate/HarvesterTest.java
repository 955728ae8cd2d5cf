package org.civicequity.federate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicequity.core.Catalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Harvesting real feeds (derived from the minimal example) from local paths and from a server on
 * 127.0.0.1 started here: a good directory, a good zip, a slow member, an oversized member, a
 * member with a wrong hash, an invalid member, an unreachable one, and one with credentials.
 */
class HarvesterTest {
  @TempDir
  Path tmp;
  private HttpServer server;
  private ExecutorService pool;
  private String base;
  private Path root;

  @BeforeEach
  void start() throws IOException {
    root = Files.createDirectories(tmp.resolve("www"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "test-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/feeds/", ex -> serve(ex, "/feeds/", 0));
    server.createContext("/slow/", ex -> serve(ex, "/slow/", 6000));
    server.createContext("/private/", ex -> {
      if (ex.getRequestHeaders().getFirst("Authorization") == null) {
        ex.sendResponseHeaders(401, -1);
        ex.close();
      } else {
        serve(ex, "/private/", 0);
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    pool.shutdownNow();
  }

  /** Serves files under {@code root} (no way out of it), optionally after a delay. */
  private void serve(HttpExchange ex, String prefix, long delay) throws IOException {
    if (delay > 0) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String rel = ex.getRequestURI().getPath().substring(prefix.length());
    Path file = root.resolve(rel).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    byte[] body = Files.readAllBytes(file);
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    } catch (IOException e) {
      // the client hung up (slow member test)
    }
  }

  private HarvestOptions fast() {
    return HarvestOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1),
        Duration.ofSeconds(20));
  }

  private static Map<String, MemberResult> byId(List<MemberResult> results) {
    return results.stream().collect(Collectors.toMap(MemberResult::member, Function.identity()));
  }

  @Test
  void harvestsLocalFeedsAndSkipsBrokenOnes() throws Exception {
    Path city = TestFeeds.minimal(tmp.resolve("city"));
    Path county = TestFeeds.baltimoreCounty(tmp.resolve("county"));
    Path zip = TestFeeds.zip(county, tmp.resolve("county.zip"));
    Path invalid = TestFeeds.derive(tmp.resolve("invalid"),
        csv -> csv.replace("poverty-rate,county,24510,", "poverty-rate,county,2451,"), null, null);
    Federation fed = new Federation("test", "Test", null, List.of(
        new Member("city", null, city.toString(), TestFeeds.sha256(city.resolve("datapackage.json"))),
        new Member("county", "Baltimore County", zip.toString(), TestFeeds.sha256(zip)),
        new Member("wrong-hash", "X", city.toString(), "0".repeat(64)),
        new Member("invalid", "Y", invalid.toString(), null),
        new Member("missing", "Z", tmp.resolve("nowhere").toString(), null)), List.of());
    List<String> events = new ArrayList<>();
    try (FederationStore store = FederationStore.inMemory(); Harvester h = new Harvester(fast())) {
      Map<String, MemberResult> r = byId(h.harvest(fed, store, (m, e, msg) -> events.add(m + " " + e)));
      assertThat(r.get("city").harvested()).isTrue();
      assertThat(r.get("city").observations()).isEqualTo(30);
      assertThat(r.get("city").publisher()).isEqualTo("Civic Equity Indicators project (example publisher)");
      assertThat(r.get("city").jurisdictionGeoId()).isEqualTo("24510");
      assertThat(r.get("city").standardVersion()).isEqualTo("1.0");
      assertThat(r.get("county").harvested()).isTrue();
      assertThat(r.get("county").publisher()).isEqualTo("Baltimore County");
      assertThat(r.get("county").jurisdictionGeoId()).isEqualTo("24005");
      assertThat(r.get("wrong-hash").harvested()).isFalse();
      assertThat(r.get("wrong-hash").reason()).startsWith("SHA-256 mismatch: the registry expects 0000");
      assertThat(r.get("invalid").harvested()).isFalse();
      assertThat(r.get("invalid").reason()).startsWith("invalid: ").contains("GEOID_LENGTH_MISMATCH");
      assertThat(r.get("missing").reason()).startsWith("no such file or directory");
      assertThat(store.count("observations")).isEqualTo(60);
      assertThat(store.count("indicators")).isEqualTo(6);
      assertThat(events).contains("city validate", "city load", "city done", "missing skip");

      ComparisonResult c = Comparer.compare(store, Catalogue.core().indicators(), CompareOptions.defaults());
      // two counties, and one tract of each with a race breakdown of poverty
      assertThat(c.jurisdictions()).isEqualTo(4);
      assertThat(c.summaryRows()).isEqualTo(8); // 3 indicators x 2 counties + poverty x 2 tracts
      assertThat(c.notCompared()).containsOnlyKeys("TOTAL", "NO_VALUE");
    }
  }

  @Test
  void invalidMembersCanBeAcceptedOnRequest() throws Exception {
    Path invalid = TestFeeds.derive(tmp.resolve("invalid"),
        csv -> csv.replace("poverty-rate,county,24510,", "poverty-rate,county,2451,"), null, null);
    try (FederationStore store = FederationStore.inMemory();
        Harvester h = new Harvester(fast().withAcceptInvalid(true))) {
      MemberResult r = h.harvest(new Member("invalid", "Y", invalid.toString(), null), store, HarvestListener.NONE);
      assertThat(r.harvested()).isTrue();
      assertThat(r.errors()).isPositive();
      assertThat(r.reason()).startsWith("loaded despite");
    }
  }

  @Test
  void harvestsOverHttpAndSurvivesBadMembers() throws Exception {
    Path city = TestFeeds.minimal(root.resolve("city"));
    Path county = TestFeeds.baltimoreCounty(root.resolve("county"));
    TestFeeds.zip(county, root.resolve("county.zip"));
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    String secretUrl = "http://alice:s3cr3t@127.0.0.1:" + server.getAddress().getPort()
        + "/private/city/?token=t0k3n";
    Federation fed = new Federation("web", "Web", null, List.of(
        new Member("city-dir", null, base + "/feeds/city", TestFeeds.sha256(city.resolve("datapackage.json"))),
        new Member("county-zip", null, base + "/feeds/county.zip", null),
        new Member("manifest-url", null, base + "/feeds/county/datapackage.json", null),
        new Member("slow", null, base + "/slow/city/", null),
        new Member("wrong-hash", null, base + "/feeds/county.zip", "f".repeat(64)),
        new Member("unreachable", null, "http://127.0.0.1:" + closedPort + "/feed.zip", null),
        new Member("with-credentials", null, secretUrl, null)), List.of());
    try (FederationStore store = FederationStore.inMemory(); Harvester h = new Harvester(fast())) {
      Map<String, MemberResult> r = byId(h.harvest(fed, store, HarvestListener.NONE));
      assertThat(r.get("city-dir").harvested()).as(r.get("city-dir").reason()).isTrue();
      assertThat(r.get("city-dir").observations()).isEqualTo(30);
      assertThat(r.get("county-zip").harvested()).as(r.get("county-zip").reason()).isTrue();
      assertThat(r.get("manifest-url").harvested()).as(r.get("manifest-url").reason()).isTrue();
      assertThat(r.get("slow").harvested()).isFalse();
      assertThat(r.get("slow").reason()).contains("no response from").contains("within 1 s");
      assertThat(r.get("wrong-hash").reason()).startsWith("SHA-256 mismatch");
      assertThat(r.get("unreachable").reason()).contains("cannot connect");
      assertThat(r.get("with-credentials").harvested()).as(r.get("with-credentials").reason()).isTrue();
      assertThat(r.get("with-credentials").location()).doesNotContain("s3cr3t").doesNotContain("alice")
          .doesNotContain("t0k3n").endsWith("?token=***");
      assertThat(everyText(store)).doesNotContain("s3cr3t").doesNotContain("t0k3n");
    }
  }

  @Test
  void oversizedMemberIsSkipped() throws Exception {
    TestFeeds.minimal(root.resolve("city"));
    long cap = Files.size(root.resolve("city/datapackage.json")) + 500;
    try (FederationStore store = FederationStore.inMemory();
        Harvester h = new Harvester(fast().withMaxBytes(cap))) {
      MemberResult dir = h.harvest(new Member("big-dir", null, base + "/feeds/city", null), store,
          HarvestListener.NONE);
      assertThat(dir.harvested()).isFalse();
      assertThat(dir.reason()).startsWith("the feed is larger than the limit of " + cap + " bytes");
      Files.write(root.resolve("huge.zip"), new byte[100_000]);
      MemberResult huge = h.harvest(new Member("huge", null, base + "/feeds/huge.zip", null), store,
          HarvestListener.NONE);
      assertThat(huge.reason()).contains("announces 100000 bytes, more than the limit of " + cap + " bytes");
      assertThat(store.count("observations")).isZero();
    }
  }

  /** Every text cell of every table of the store, to look for leaked secrets. */
  private static String everyText(FederationStore store) throws SQLException {
    StringBuilder sb = new StringBuilder();
    for (String table : List.of("members", "harvest_log", "indicators", "observations")) {
      try (Statement s = store.connection().createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= n; i++) {
            sb.append(rs.getString(i)).append('\n');
          }
        }
      }
    }
    return sb.toString();
  }
}
