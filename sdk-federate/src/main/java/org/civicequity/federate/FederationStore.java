package org.civicequity.federate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.civicequity.core.Geography;
import org.civicequity.core.Indicator;
import org.civicequity.core.Observation;
import org.civicequity.federate.internal.StoreTables;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The embedded DuckDB store of a federation: one table per entity with the standard's columns,
 * so analysts can query the federation with SQL (a file they can open with the DuckDB CLI, or
 * in memory), and export it to Parquet.
 *
 * <p>Tables: {@code members} (one row per member: harvest status and reason),
 * {@code indicators}, {@code observations} and {@code geographies} (the standard's fields, each
 * row tagged with its {@code member}), {@code harvest_log}; after a comparison also
 * {@code catalogue}, {@code comparison}, {@code summary} and {@code not_compared}. The columns are
 * listed in {@code docs/architecture.md}.
 *
 * <p>Not thread-safe: use one store from one thread at a time.
 */
public final class FederationStore implements AutoCloseable {
  private final DuckDBConnection connection;
  private final String description;
  private final List<Object[]> pendingLog = new ArrayList<>();

  private FederationStore(DuckDBConnection connection, String description) {
    this.connection = connection;
    this.description = description;
    try (Statement s = connection.createStatement()) {
      for (String ddl : StoreTables.DDL) {
        s.execute(ddl);
      }
    } catch (SQLException e) {
      closeConnection();
      throw new FederationException("cannot create the tables of the store " + description
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * A store in memory, gone when closed (tests, one-off comparisons).
   *
   * @return the store
   * @throws FederationException if DuckDB cannot start
   */
  public static FederationStore inMemory() {
    return new FederationStore(connect("jdbc:duckdb:", "(in memory)"), "(in memory)");
  }

  /**
   * Opens a store file, creating it when absent. The file can later be opened with any DuckDB
   * client ({@code duckdb federation.duckdb}).
   *
   * @param file the database file
   * @return the store
   * @throws FederationException if the file cannot be opened (not a DuckDB file, locked by
   *                             another process, directory not writable)
   */
  public static FederationStore open(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    if (abs.getParent() != null && !Files.isDirectory(abs.getParent())) {
      throw new FederationException("cannot open the store " + file + ": directory "
          + abs.getParent() + " does not exist");
    }
    return new FederationStore(connect("jdbc:duckdb:" + abs, file.toString()), file.toString());
  }

  private static DuckDBConnection connect(String url, String description) {
    try {
      Properties p = new Properties();
      p.setProperty(org.duckdb.DuckDBDriver.JDBC_STREAM_RESULTS, "true");
      return (DuckDBConnection) DriverManager.getConnection(url, p);
    } catch (SQLException e) {
      throw new FederationException("cannot open the store " + description + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * The JDBC connection, for SQL queries over the federation. Do not close it; close the store.
   * DuckDB streams results, so close a result set before running the next query on this
   * connection, or use {@link #newConnection()} for a second one.
   *
   * @return the connection
   */
  public Connection connection() {
    flushLog();
    return connection;
  }

  /**
   * Runs work in one transaction: everything it writes becomes visible at once, or (when it
   * throws) not at all. Much faster than one commit per statement on a file store.
   *
   * @param work the work
   * @param <T>  its result type
   * @return its result
   * @throws FederationException if the transaction cannot be committed; exceptions of the work
   *                             are rethrown after the rollback
   */
  public <T> T inTransaction(java.util.function.Supplier<T> work) {
    try {
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw storeError("begin a transaction", e);
    }
    try {
      T result = work.get();
      flushLog();
      connection.commit();
      return result;
    } catch (SQLException e) {
      rollback(e);
      throw storeError("commit", e);
    } catch (RuntimeException | Error e) {
      rollback(e);
      throw e;
    } finally {
      try {
        connection.setAutoCommit(true);
      } catch (SQLException e) {
        throw storeError("end a transaction", e);
      }
    }
  }

  private void rollback(Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * A second connection to the same database (for reading while writing).
   *
   * @return a new connection, to be closed by the caller
   * @throws SQLException if DuckDB refuses
   */
  public Connection newConnection() throws SQLException {
    return connection.duplicate();
  }

  /**
   * Removes every row of one member from the harvested tables, so it can be harvested again.
   *
   * @param member the member id
   * @throws FederationException if the store cannot be written
   */
  public void removeMember(String member) {
    // Rows of a member exist only if it has a members row (loads are transactional); checking
    // first avoids a scan of the observations table for every new member.
    String sql = "SELECT count(*) FROM members WHERE member = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, member);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) == 0) {
          return;
        }
      }
    } catch (SQLException e) {
      throw storeError("look up member " + member, e);
    }
    for (String table : List.of("members", "indicators", "observations", "geographies")) {
      update("DELETE FROM " + table + " WHERE member = ?", member);
    }
  }

  /**
   * Records the result of harvesting one member (replacing an earlier row of the same member).
   *
   * @param result the harvest result
   * @param at     when it was harvested
   * @throws FederationException if the store cannot be written
   */
  public void putMember(MemberResult result, Instant at) {
    update("DELETE FROM members WHERE member = ?", result.member());
    String sql = "INSERT INTO members VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, result.member());
      ps.setString(2, result.publisher());
      ps.setString(3, result.location());
      ps.setString(4, result.status().code());
      ps.setString(5, result.reason());
      ps.setString(6, result.sha256());
      ps.setString(7, result.standardVersion());
      ps.setString(8, result.jurisdictionGeoLevel());
      ps.setString(9, result.jurisdictionGeoId());
      ps.setString(10, result.jurisdictionName());
      ps.setLong(11, result.observations());
      ps.setLong(12, result.errors());
      ps.setLong(13, result.warnings());
      ps.setDouble(14, result.elapsed().toNanos() / 1e9);
      ps.setTimestamp(15, Timestamp.from(at));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw storeError("record member " + result.member(), e);
    }
  }

  /**
   * The harvest results recorded in the store, by member id.
   *
   * @return one result per member
   * @throws FederationException if the store cannot be read
   */
  public List<MemberResult> members() {
    List<MemberResult> out = new ArrayList<>();
    String sql = "SELECT member, publisher, location, status, reason, sha256, standardVersion,"
        + " jurisdictionGeoLevel, jurisdictionGeoId, jurisdictionName, observations, errors,"
        + " warnings, seconds FROM members ORDER BY member";
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(new MemberResult(rs.getString(1), rs.getString(2), rs.getString(3),
            MemberResult.Status.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
            rs.getString(10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
            java.time.Duration.ofNanos((long) (rs.getDouble(14) * 1e9))));
      }
    } catch (SQLException e) {
      throw storeError("read the members", e);
    }
    return out;
  }

  /**
   * Stores the indicator definitions of one member.
   *
   * @param member     the member id
   * @param indicators the definitions
   * @throws FederationException if the store cannot be written
   */
  public void putIndicators(String member, Collection<Indicator> indicators) {
    try (DuckDBAppender a = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "indicators")) {
      for (Indicator i : indicators) {
        a.beginRow();
        a.append(member);
        appendText(a, i.id());
        appendText(a, i.name());
        appendText(a, i.description());
        appendText(a, i.domain());
        appendText(a, i.unit());
        appendText(a, i.polarity());
        appendText(a, i.numerator());
        appendText(a, i.denominator());
        appendText(a, i.universe());
        appendText(a, i.source() == null ? null : i.source().name());
        appendText(a, i.source() == null ? null : i.source().table());
        appendText(a, i.source() == null ? null : i.source().vintage());
        appendText(a, i.source() == null ? null : i.source().url());
        appendText(a, i.methodology());
        appendNumber(a, i.confidenceLevel());
        appendText(a, i.equivalentTo());
        a.endRow();
      }
    } catch (SQLException e) {
      throw storeError("store the indicators of member " + member, e);
    }
  }

  /**
   * Stores the custom geographies of one member.
   *
   * @param member      the member id
   * @param geographies the geographies
   * @throws FederationException if the store cannot be written
   */
  public void putGeographies(String member, Collection<Geography> geographies) {
    try (DuckDBAppender a = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "geographies")) {
      for (Geography g : geographies) {
        a.beginRow();
        a.append(member);
        a.append(g.geoId());
        appendText(a, g.geoName());
        appendText(a, g.parentGeoId());
        a.append(g.tracts());
        a.endRow();
      }
    } catch (SQLException e) {
      throw storeError("store the geographies of member " + member, e);
    }
  }

  /**
   * Opens a bulk loader of one member's observations (DuckDB's appender: fast, in batches).
   * Close it to make the rows visible.
   *
   * @param member the member id
   * @return the loader
   * @throws FederationException if the store cannot be written
   */
  public ObservationLoader observations(String member) {
    try {
      return new ObservationLoader(member,
          connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "observations"));
    } catch (SQLException e) {
      throw storeError("load the observations of member " + member, e);
    }
  }

  /**
   * Appends a line to the harvest log.
   *
   * @param member  the member id, or null for the federation as a whole
   * @param event   a short event name (e.g. {@code fetch}, {@code validate}, {@code skip})
   * @param message the message (never a credential)
   * @throws FederationException if the store cannot be written
   */
  public void log(String member, String event, String message) {
    // Buffered, written with the next transaction (or before any read): a commit per log line
    // would cost a disk sync each on a file store.
    pendingLog.add(new Object[] {Timestamp.from(Instant.now()), member, event, message});
    if (pendingLog.size() >= 1000) {
      flushLog();
    }
  }

  private void flushLog() {
    if (pendingLog.isEmpty()) {
      return;
    }
    String sql = "INSERT INTO harvest_log VALUES (?, ?, ?, ?)";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (Object[] row : pendingLog) {
        ps.setTimestamp(1, (Timestamp) row[0]);
        ps.setString(2, (String) row[1]);
        ps.setString(3, (String) row[2]);
        ps.setString(4, (String) row[3]);
        ps.addBatch();
      }
      ps.executeBatch();
      pendingLog.clear();
    } catch (SQLException e) {
      throw storeError("write the harvest log", e);
    }
  }

  /**
   * The number of rows of a table of the store.
   *
   * @param table one of the store's tables
   * @return the row count
   * @throws FederationException if the table does not exist
   */
  public long count(String table) {
    if (!table.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a table name: " + table);
    }
    flushLog();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw storeError("count table " + table, e);
    }
  }

  /**
   * Exports every table of the store that exists to {@code <dir>/<table>.parquet}.
   *
   * @param dir the directory, created when absent
   * @return the files written, in table order
   * @throws FederationException if a file cannot be written
   */
  public List<Path> exportParquet(Path dir) {
    flushLog();
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new FederationException("cannot create the Parquet directory " + dir + ": "
          + e.getMessage(), e);
    }
    List<String> tables = new ArrayList<>(StoreTables.HARVEST_TABLES);
    tables.addAll(StoreTables.COMPARISON_TABLES);
    for (String table : tables) {
      if (!tableExists(table)) {
        continue;
      }
      Path file = dir.resolve(table + ".parquet").toAbsolutePath();
      String literal = "'" + file.toString().replace("'", "''") + "'";
      try (Statement s = connection.createStatement()) {
        s.execute("COPY " + table + " TO " + literal + " (FORMAT parquet)");
      } catch (SQLException e) {
        throw storeError("export table " + table + " to " + file, e);
      }
      written.add(file);
    }
    return written;
  }

  /**
   * Whether a table exists in the store.
   *
   * @param table the table name
   * @return true when it exists
   */
  public boolean tableExists(String table) {
    String sql = "SELECT count(*) FROM information_schema.tables WHERE table_name = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    } catch (SQLException e) {
      throw storeError("look up table " + table, e);
    }
  }

  private void update(String sql, String arg) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, arg);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw storeError("update (" + sql + ")", e);
    }
  }

  private FederationException storeError(String what, SQLException e) {
    return new FederationException("cannot " + what + " in the store " + description + ": "
        + e.getMessage(), e);
  }

  static void appendText(DuckDBAppender a, String s) throws SQLException {
    if (s == null) {
      a.appendNull();
    } else {
      a.append(s);
    }
  }

  static void appendNumber(DuckDBAppender a, Double d) throws SQLException {
    if (d == null) {
      a.appendNull();
    } else {
      a.append(d.doubleValue());
    }
  }

  /** Closes the database (a file store is flushed to disk). */
  @Override
  public void close() {
    try {
      flushLog();
    } finally {
      closeConnection();
    }
  }

  private void closeConnection() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new FederationException("cannot close the store " + description + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "FederationStore[" + description + "]";
  }

  /** A bulk loader of one member's observations; close it to flush. */
  public static final class ObservationLoader implements AutoCloseable {
    private final String member;
    private final DuckDBAppender appender;
    private long rows;

    private ObservationLoader(String member, DuckDBAppender appender) {
      this.member = member;
      this.appender = appender;
    }

    /**
     * Adds one observation.
     *
     * @param o the observation
     * @throws FederationException if the store cannot be written
     */
    public void add(Observation o) {
      try {
        appender.beginRow();
        appender.append(member);
        appendText(appender, o.indicator());
        appendText(appender, o.geoLevel());
        appendText(appender, o.geoId());
        appendText(appender, o.geoName());
        appendText(appender, o.period());
        appendText(appender, o.raceEthnicity());
        appendText(appender, o.sex());
        appendText(appender, o.age());
        appendText(appender, o.income());
        appendText(appender, o.disability());
        appendText(appender, o.nativity());
        appendNumber(appender, o.value());
        appendNumber(appender, o.moe());
        appendNumber(appender, o.lower());
        appendNumber(appender, o.upper());
        appendNumber(appender, o.numerator());
        appendNumber(appender, o.denominator());
        appendText(appender, o.status());
        appendText(appender, o.note());
        appender.endRow();
        rows++;
      } catch (SQLException e) {
        throw new FederationException("cannot store an observation of member " + member
            + " read at " + o.location() + ": " + e.getMessage(), e);
      }
    }

    /** @return the rows added so far */
    public long rows() {
      return rows;
    }

    /** Flushes the rows into the table. */
    @Override
    public void close() {
      try {
        appender.close();
      } catch (SQLException e) {
        throw new FederationException("cannot store the observations of member " + member
            + ": " + e.getMessage(), e);
      }
    }
  }
}
