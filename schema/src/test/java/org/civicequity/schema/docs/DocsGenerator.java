package org.civicequity.schema.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates the files of the standard that are derived from others: {@code json/codes.schema.json}
 * (from the codelists) and the reference pages {@code docs/*.md} (from the schemas, codelists and
 * catalogue). Output is deterministic: the same inputs give byte-identical files.
 *
 * <p>Run {@code mvn -pl schema test -Dregenerate=true} (or this class's {@code main} with the
 * module directory) to refresh the checked-in files; {@code GeneratedFilesTest} fails when they are
 * stale.
 */
public final class DocsGenerator {
  /** The generated schema, relative to the module directory. */
  public static final String CODES_SCHEMA = "json/codes.schema.json";
  /** The directory of the generated pages, relative to the module directory. */
  public static final String DOCS_DIR = "docs";

  private static final List<String> SCHEMA_ORDER = List.of(
      "datapackage.schema.json", "indicators.schema.json", "indicator.schema.json",
      "observation.schema.json", "geography.schema.json", "federation.schema.json",
      "report.schema.json", "codelist.schema.json");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private DocsGenerator() {
  }

  /**
   * Regenerates the files of the module in the given directory.
   *
   * @param args optional: the schema module directory (default: the working directory)
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Path module = Path.of(args.length > 0 ? args[0] : ".");
    SortedMap<String, String> files = generate(module);
    write(module, files);
    System.out.println("wrote " + files.size() + " files under " + module.toAbsolutePath().normalize());
  }

  /**
   * Generates every derived file in memory.
   *
   * @param module the schema module directory (holding json/, codelists/, catalogue/)
   * @return path relative to the module (with {@code /}) to file content, sorted by path
   * @throws IOException if an input cannot be read
   */
  public static SortedMap<String, String> generate(Path module) throws IOException {
    SortedMap<String, String> out = new TreeMap<>();
    List<JsonNode> codelists = new ArrayList<>();
    for (Path p : list(module.resolve("codelists"), ".json")) {
      codelists.add(read(p));
    }
    out.put(CODES_SCHEMA, JsonFormat.format(CodesSchema.build(MAPPER, codelists)));

    Map<String, JsonNode> schemas = new LinkedHashMap<>();
    List<Path> schemaFiles = new ArrayList<>(list(module.resolve("json"), ".schema.json"));
    schemaFiles.sort(Comparator.comparingInt((Path p) -> {
      int i = SCHEMA_ORDER.indexOf(p.getFileName().toString());
      return i < 0 ? SCHEMA_ORDER.size() : i;
    }).thenComparing(p -> p.getFileName().toString()));
    for (Path p : schemaFiles) {
      String name = p.getFileName().toString();
      if (!name.equals("codes.schema.json")) {
        schemas.put(name, read(p));
      }
    }
    for (Map.Entry<String, JsonNode> s : schemas.entrySet()) {
      out.put(DOCS_DIR + "/" + SchemaDocs.pageOf(s.getKey()), SchemaDocs.render(s.getKey(), s.getValue()));
    }
    for (JsonNode c : codelists) {
      out.put(DOCS_DIR + "/" + CodelistDocs.pageOf(c.get("id").asString()), CodelistDocs.render(c));
    }
    JsonNode catalogue = read(module.resolve("catalogue/indicators.json"));
    out.put(DOCS_DIR + "/" + CatalogueDocs.PAGE, CatalogueDocs.render(catalogue));
    out.put(DOCS_DIR + "/README.md", IndexPage.render(schemas, codelists, catalogue));
    return out;
  }

  /**
   * Writes generated files, and deletes pages in {@code docs/} that are no longer generated.
   *
   * @param module the schema module directory
   * @param files  the output of {@link #generate(Path)}
   * @throws IOException if a file cannot be written
   */
  public static void write(Path module, Map<String, String> files) throws IOException {
    for (Path stale : list(module.resolve(DOCS_DIR), ".md")) {
      if (!files.containsKey(DOCS_DIR + "/" + stale.getFileName())) {
        Files.delete(stale);
      }
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = module.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
      if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
        Files.write(target, bytes);
      }
    }
  }

  /**
   * The files of a directory with a given name suffix, sorted by name; empty when the directory
   * does not exist.
   *
   * @param dir    the directory
   * @param suffix the file name suffix
   * @return the files
   * @throws IOException if the directory cannot be listed
   */
  static List<Path> list(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    }
  }

  private static JsonNode read(Path p) throws IOException {
    try {
      return MAPPER.readTree(Files.readString(p, StandardCharsets.UTF_8));
    } catch (tools.jackson.core.JacksonException e) {
      throw new IOException(p + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
