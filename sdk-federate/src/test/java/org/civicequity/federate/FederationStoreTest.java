package org.civicequity.federate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.civicequity.core.Geography;
import org.civicequity.core.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FederationStoreTest {
  @TempDir
  Path dir;

  @Test
  void aFileStoreKeepsItsTablesForAnalystsAndExportsParquet() throws SQLException, IOException {
    Path file = dir.resolve("federation.duckdb");
    try (FederationStore store = FederationStore.open(file)) {
      Fixtures.sample(store);
      store.putGeographies("county-a", List.of(new Geography("csa-1", "Downtown", "24510",
          List.of("24510040100", "24510040200"), SourceLocation.ofFile("geographies.csv"))));
      store.log("county-a", "fetch", "a line");
      Comparer.compare(store, Fixtures.catalogue(), CompareOptions.defaults());
      List<Path> parquet = store.exportParquet(dir.resolve("parquet"));
      assertThat(parquet).extracting(p -> p.getFileName().toString()).containsExactly(
          "members.parquet", "indicators.parquet", "observations.parquet", "geographies.parquet",
          "harvest_log.parquet", "catalogue.parquet", "comparison.parquet", "summary.parquet",
          "not_compared.parquet");
      long fromParquet;
      try (Statement s = store.connection().createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet('"
              + dir.resolve("parquet/observations.parquet").toString().replace("'", "''") + "')")) {
        rs.next();
        fromParquet = rs.getLong(1);
      }
      assertThat(fromParquet).isEqualTo(store.count("observations")).isEqualTo(14);
    }
    // reopened later, by an analyst: the same tables and rows, queried with the standard's names
    try (FederationStore again = FederationStore.open(file);
        Statement s = again.connection().createStatement();
        ResultSet rs = s.executeQuery("SELECT geoLevel, geoId, raceEthnicity, \"value\" FROM observations"
            + " WHERE member = 'county-b' AND period = '2019' ORDER BY raceEthnicity")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("raceEthnicity")).isEqualTo("black-alone");
      rs.close(); // DuckDB streams results: close one before the next query on the connection
      assertThat(again.count("comparison")).isEqualTo(5);
      assertThat(again.count("harvest_log")).isEqualTo(1);
      try (ResultSet g = s.executeQuery("SELECT tracts FROM geographies")) {
        g.next();
        assertThat(g.getString(1)).contains("24510040100");
      }
    }
  }

  @Test
  void aFailedTransactionLeavesNothing() {
    try (FederationStore store = FederationStore.inMemory()) {
      assertThatThrownBy(() -> store.inTransaction(() -> {
        Fixtures.load(store, Fixtures.harvested("half", 1), List.of(),
            List.of(Fixtures.obs("x", "county", "24510", "2019", "black-alone", 1.0, null, null)));
        throw new IllegalStateException("reading failed half way");
      })).hasMessage("reading failed half way");
      assertThat(store.count("observations")).isZero();
      assertThat(store.count("members")).isZero();
      assertThat(store.inTransaction(() -> 42)).isEqualTo(42);
    }
  }

  @Test
  void unopenableStoreIsALocatedError() throws IOException {
    assertThatThrownBy(() -> FederationStore.open(dir.resolve("missing/dir/f.duckdb")))
        .isInstanceOf(FederationException.class).hasMessageContaining("does not exist");
    Path notDuck = Files.writeString(dir.resolve("notes.duckdb"), "just text, not a database");
    assertThatThrownBy(() -> FederationStore.open(notDuck))
        .isInstanceOf(FederationException.class).hasMessageContaining("cannot open the store " + notDuck);
  }
}
