package org.civicequity.publish.internal;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicequity.publish.MappingException;
import org.civicequity.publish.MappingProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads mapping files and recipes: JSON syntax, the mapping schema, {@code extends} chains (with
 * cycle detection), and the merge of a mapping onto the one it extends. Every problem is located
 * in the file (or recipe) where it was written.
 */
public final class MappingLoader {
  /** The classpath folder of the shipped recipes. */
  public static final String RECIPE_FOLDER = "org/civicequity/publish/recipes/";
  /** The prefix that names a recipe. */
  public static final String RECIPE_PREFIX = "recipe:";
  private static final String SCHEMA_ID = "https://civicequity.org/schema/1.0/mapping.schema.json";
  private static final int MAX_MAPPING_BYTES = 8 << 20;
  private static final int MAX_EXTENDS_DEPTH = 16;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static volatile Schema schema;

  /** One file of an extends chain, with what is needed to locate problems in it. */
  public record Source(String displayName, JsonLocator locator, ObjectNode tree) {
  }

  /** The result: the merged tree and the chain, child first. */
  public record Loaded(ObjectNode merged, List<Source> chain) {
    /**
     * Locates a pointer in the first file of the chain that has a value there.
     *
     * @param pointer a JSON pointer of the merged tree
     * @param message the message
     * @return the located problem
     */
    public MappingProblem problem(String pointer, String message) {
      for (Source s : chain) {
        if (s.locator().has(pointer)) {
          long[] pos = s.locator().locate(pointer);
          return new MappingProblem(s.displayName(), pos[0], pos[1], pointer, message);
        }
      }
      Source first = chain.get(0);
      long[] pos = first.locator().locate(pointer);
      return new MappingProblem(first.displayName(), pos[0], pos[1], pointer, message);
    }
  }

  private MappingLoader() {
  }

  /**
   * Loads a mapping named on the command line: {@code recipe:NAME} or a file path.
   *
   * @param spec    the name
   * @param baseDir the directory relative paths are resolved against
   * @return the loaded chain
   * @throws MappingException if any file of the chain is unreadable or invalid
   */
  public static Loaded load(String spec, Path baseDir) throws MappingException {
    List<Source> chain = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String current = spec;
    Path dir = baseDir;
    while (current != null) {
      Source src = readOne(current, dir, chain.isEmpty() ? null : chain.get(chain.size() - 1), seen);
      chain.add(src);
      if (chain.size() > MAX_EXTENDS_DEPTH) {
        throw new MappingException(List.of(new MappingProblem(src.displayName(), 0, 0, "/extends",
            "more than " + MAX_EXTENDS_DEPTH + " mappings extend each other")));
      }
      JsonNode ext = src.tree().get("extends");
      if (ext == null) {
        break;
      }
      current = ext.asString();
      dir = current.startsWith(RECIPE_PREFIX) ? null : directoryOf(src.displayName(), dir);
    }
    ObjectNode merged = chain.get(chain.size() - 1).tree().deepCopy();
    for (int i = chain.size() - 2; i >= 0; i--) {
      merged = merge(merged, chain.get(i).tree());
    }
    merged.remove("extends");
    return new Loaded(merged, List.copyOf(chain));
  }

  private static Path directoryOf(String displayName, Path fallback) {
    if (displayName.startsWith(RECIPE_PREFIX)) {
      return fallback;
    }
    Path p = Path.of(displayName).toAbsolutePath().getParent();
    return p == null ? fallback : p;
  }

  private static Source readOne(String spec, Path dir, Source child, Set<String> seen) throws MappingException {
    String display;
    String text;
    if (spec.startsWith(RECIPE_PREFIX)) {
      String name = spec.substring(RECIPE_PREFIX.length());
      display = spec;
      if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
        throw notFound(child, display, "'" + spec + "' is not a recipe name; recipes: " + String.join(", ", recipeNames()));
      }
      try (InputStream in = MappingLoader.class.getClassLoader().getResourceAsStream(RECIPE_FOLDER + name + ".json")) {
        if (in == null) {
          throw notFound(child, display, "there is no recipe '" + name + "'; recipes: " + String.join(", ", recipeNames()));
        }
        text = new String(in.readNBytes(MAX_MAPPING_BYTES), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw notFound(child, display, "cannot read the recipe: " + e.getMessage());
      }
    } else {
      Path p = dir == null ? Path.of(spec) : dir.resolve(spec);
      display = dir == null || Path.of(spec).isAbsolute() ? spec : p.toString();
      try {
        if (Files.size(p) > MAX_MAPPING_BYTES) {
          throw notFound(child, display, "the mapping file is larger than " + MAX_MAPPING_BYTES + " bytes");
        }
        text = Files.readString(p, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw notFound(child, display, "no such mapping file: " + p + (child != null ? ""
            : " (a shipped recipe is named recipe:NAME; recipes: " + String.join(", ", recipeNames().stream()
                .map(n -> RECIPE_PREFIX + n).toList()) + ")"));
      } catch (java.nio.charset.MalformedInputException e) {
        throw notFound(child, display, "the mapping file is not UTF-8 text");
      } catch (IOException e) {
        throw notFound(child, display, "cannot read the mapping file: " + e.getMessage());
      }
    }
    String key = display.startsWith(RECIPE_PREFIX) ? display : Path.of(display).toAbsolutePath().normalize().toString();
    if (!seen.add(key)) {
      throw notFound(child, display, "mappings extend each other in a cycle: " + String.join(" -> ", seen) + " -> " + key);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    JsonLocator locator = JsonLocator.index(MAPPER, text);
    JsonNode tree;
    try {
      tree = MAPPER.readTree(text);
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      throw new MappingException(List.of(new MappingProblem(display, loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr(), "", "not valid JSON: " + e.getOriginalMessage())));
    }
    if (!(tree instanceof ObjectNode obj)) {
      throw new MappingException(List.of(new MappingProblem(display, 1, 1, "",
          "a mapping is a JSON object ({ ... }), found " + (tree == null ? "nothing" : tree.getNodeType()))));
    }
    List<MappingProblem> problems = new ArrayList<>();
    for (com.networknt.schema.Error err : schema().validate(obj)) {
      String pointer = pointer(err.getInstanceLocation());
      if ("additionalProperties".equals(err.getKeyword()) && err.getProperty() != null) {
        pointer = pointer + "/" + err.getProperty().replace("~", "~0").replace("/", "~1");
      }
      long[] pos = locator.locate(pointer);
      problems.add(new MappingProblem(display, pos[0], pos[1], pointer, err.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new MappingException(problems);
    }
    rebaseFiles(obj, spec, dir);
    return new Source(display, locator, obj);
  }

  private static MappingException notFound(Source child, String display, String message) {
    if (child == null) {
      return new MappingException(List.of(new MappingProblem(display, 0, 0, "", message)));
    }
    long[] pos = child.locator().locate("/extends");
    return new MappingException(List.of(new MappingProblem(child.displayName(), pos[0], pos[1], "/extends", message)));
  }

  /** Resolves file references relative to the file that wrote them, before merging. */
  private static void rebaseFiles(ObjectNode tree, String spec, Path dir) {
    JsonNode cw = tree.at("/geography/custom/crosswalk");
    if (cw instanceof ObjectNode o && o.get("file") != null) {
      String f = o.get("file").asString();
      String resolved;
      if (spec.startsWith(RECIPE_PREFIX)) {
        resolved = "classpath:" + RECIPE_FOLDER + f;
      } else {
        Path mappingDir = (dir == null ? Path.of(spec) : dir.resolve(spec)).toAbsolutePath().getParent();
        resolved = mappingDir.resolve(f).normalize().toString();
      }
      o.set("file", StringNode.valueOf(resolved));
    }
  }

  /**
   * Merges a child mapping onto its parent: objects member by member, arrays replaced, and
   * {@code indicators} by id.
   */
  static ObjectNode merge(ObjectNode parent, ObjectNode child) {
    ObjectNode out = parent.deepCopy();
    for (Map.Entry<String, JsonNode> e : child.properties()) {
      String k = e.getKey();
      JsonNode v = e.getValue();
      JsonNode existing = out.get(k);
      if ("indicators".equals(k) && existing instanceof ArrayNode pa && v instanceof ArrayNode ca) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode n : pa) {
          byId.put(n.path("id").asString(), n);
        }
        for (JsonNode n : ca) {
          byId.put(n.path("id").asString(), n);
        }
        ArrayNode merged = out.arrayNode();
        byId.values().forEach(merged::add);
        out.set(k, merged);
      } else if (existing instanceof ObjectNode po && v instanceof ObjectNode co) {
        out.set(k, merge(po, co));
      } else {
        out.set(k, v.deepCopy());
      }
    }
    return out;
  }

  private static String pointer(NodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object el = path.getElement(i);
      sb.append('/').append(el.toString().replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  private static Schema schema() {
    Schema s = schema;
    if (s == null) {
      synchronized (MappingLoader.class) {
        if (schema == null) {
          SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
              b -> b.schemaIdResolvers(ids -> ids.mapPrefix("https://civicequity.org/schema/1.0/",
                  "classpath:org/civicequity/schema/json/")));
          schema = registry.getSchema(SchemaLocation.of(SCHEMA_ID));
        }
        s = schema;
      }
    }
    return s;
  }

  /**
   * The names of the shipped recipes, from the recipe index.
   *
   * @return recipe names in their documented order
   */
  public static List<String> recipeNames() {
    List<String> names = new ArrayList<>();
    try (InputStream in = MappingLoader.class.getClassLoader().getResourceAsStream(RECIPE_FOLDER + "index.json")) {
      if (in != null) {
        JsonNode idx = MAPPER.readTree(in);
        Iterator<JsonNode> it = idx.path("recipes").values().iterator();
        while (it.hasNext()) {
          names.add(it.next().path("name").asString());
        }
      }
    } catch (IOException | JacksonException e) {
      // the index ships with the jar; without it, recipe names are simply not listed
    }
    return names;
  }

  /**
   * The shared JSON mapper.
   *
   * @return the mapper
   */
  public static JsonMapper mapper() {
    return MAPPER;
  }
}
