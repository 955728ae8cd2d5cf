package org.civicequity.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Finds the example feeds and reads their files, for the tests of this module. */
final class ExampleFeeds {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Surefire runs the tests in the module directory, {@code examples/}. */
  static final Path FEEDS = Path.of("feeds");

  static final Path REAL_DATA = Path.of("data", "real");

  private ExampleFeeds() {
  }

  /** Every {@code feeds/<name>/} with a {@code datapackage.json}, sorted by name. */
  static List<Path> feeds() {
    try (Stream<Path> dirs = Files.list(FEEDS)) {
      List<Path> feeds = dirs.filter(d -> Files.isRegularFile(d.resolve("datapackage.json")))
          .sorted().toList();
      if (feeds.isEmpty()) {
        throw new IllegalStateException("no example feeds under " + FEEDS.toAbsolutePath());
      }
      return feeds;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readJson(Path file) {
    return JSON.readTree(file.toFile());
  }

  static JsonNode manifest(Path feed) {
    return readJson(feed.resolve("datapackage.json"));
  }

  /** The manifest's resources, by their {@code path}. */
  static Map<String, JsonNode> resources(Path feed) {
    Map<String, JsonNode> byPath = new LinkedHashMap<>();
    manifest(feed).path("resources").valueStream()
        .forEach(r -> byPath.put(r.path("path").asString(), r));
    return byPath;
  }

  /** One CSV data row: its 1-based data row number and its cells by column name. */
  record Row(int row, Map<String, String> cells) {
    String get(String column) {
      return cells.getOrDefault(column, "");
    }
  }

  /** A CSV table read whole (the example tables are small): header and rows. */
  record Table(List<String> header, List<Row> rows) {
  }

  static Table readCsv(Path file) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser csv = CSVParser.parse(file, StandardCharsets.UTF_8, format)) {
      List<Row> rows = new ArrayList<>();
      int n = 0;
      for (CSVRecord rec : csv) {
        n++;
        rows.add(new Row(n, rec.toMap()));
      }
      return new Table(List.copyOf(csv.getHeaderNames()), rows);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Parses a decimal number as the CSV path of the standard does; null when it is not one. */
  static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
