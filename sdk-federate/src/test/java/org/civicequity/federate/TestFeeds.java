package org.civicequity.federate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Member feeds for tests, derived from the copied minimal example feed. */
final class TestFeeds {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final List<String> FILES = List.of("datapackage.json", "indicators.json", "observations.csv");

  private TestFeeds() {
  }

  /** The minimal feed as it is. */
  static Path minimal(Path dir) throws IOException {
    return derive(dir, UnaryOperator.identity(), null, null);
  }

  /**
   * A copy of the minimal feed with its observations rewritten and its jurisdiction renamed; the
   * manifest's byte counts and hashes are made to match again.
   */
  static Path derive(Path dir, UnaryOperator<String> observations, String geoId, String name)
      throws IOException {
    Files.createDirectories(dir);
    for (String f : FILES) {
      try (InputStream in = TestFeeds.class.getResourceAsStream("/feeds/minimal/" + f)) {
        Files.copy(in, dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path obs = dir.resolve("observations.csv");
    Files.writeString(obs, observations.apply(Files.readString(obs, StandardCharsets.UTF_8)),
        StandardCharsets.UTF_8);
    ObjectNode manifest = (ObjectNode) MAPPER.readTree(dir.resolve("datapackage.json").toFile());
    if (geoId != null) {
      ObjectNode j = (ObjectNode) manifest.get("civicEquity").get("publisher").get("jurisdiction");
      j.put("geoId", geoId);
      j.put("name", name);
      ((ObjectNode) manifest.get("civicEquity").get("publisher")).put("name", name + " (test)");
    }
    for (JsonNode r : manifest.get("resources")) {
      Path file = dir.resolve(r.get("path").asString());
      ((ObjectNode) r).put("bytes", Files.size(file));
      ((ObjectNode) r).put("hash", "sha256:" + sha256(file));
    }
    Files.writeString(dir.resolve("datapackage.json"),
        MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest), StandardCharsets.UTF_8);
    return dir;
  }

  /** Baltimore County: the minimal feed moved to 24005 with other values. */
  static Path baltimoreCounty(Path dir) throws IOException {
    return derive(dir, csv -> csv.replace("24510", "24005")
            .replace("Baltimore city, Maryland", "Baltimore County, Maryland")
            .replace(",24.9,0.9,", ",12.1,1.1,").replace(",11.0,0.7,", ",6.5,0.5,")
            .replace(",44700,1420,", ",66100,2300,"),
        "24005", "Baltimore County, Maryland");
  }

  /** Zips a feed directory (files at the root of the archive). */
  static Path zip(Path feedDir, Path zip) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      for (String f : FILES) {
        z.putNextEntry(new ZipEntry(f));
        Files.copy(feedDir.resolve(f), z);
        z.closeEntry();
      }
    }
    return zip;
  }

  static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
