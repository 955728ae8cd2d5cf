package org.civicequity.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicequity.core.internal.JsonValues;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The codelists of the standard, loaded from the {@code civic-equity-schema} artifact (classpath
 * {@code org/civicequity/schema/codelists/<id>.json}); the codes are never copied into Java
 * source. Immutable and thread-safe.
 *
 * <p>The list of codelist files is read from {@code codelists/index.json} when the schema
 * artifact has one (a JSON array of ids, or an object with an {@code ids} array); otherwise the
 * ids fixed by the standard are loaded: {@value #STANDARD_IDS_TEXT}.
 */
public final class Codelists {
  /** The classpath folder of the codelist files. */
  public static final String RESOURCE_FOLDER = "org/civicequity/schema/codelists/";

  /** The codelist ids fixed by the standard (docs/architecture.md), comma-separated. */
  public static final String STANDARD_IDS_TEXT = "race-ethnicity,sex,age-band,income-band,"
      + "disability,nativity,geo-level,unit,domain,polarity,status,suppression-reason";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final Map<String, Codelist> lists;

  private Codelists(Map<String, Codelist> lists) {
    this.lists = Map.copyOf(lists);
  }

  /** Holds the standard lists, loaded on first use. */
  private static final class Standard {
    static final Codelists INSTANCE = load();
  }

  /**
   * The codelists of the standard, loaded once from the classpath.
   *
   * @return the standard codelists
   * @throws IllegalStateException if the schema artifact is missing from the classpath or one of
   *                               its codelists cannot be read (a broken installation)
   */
  public static Codelists standard() {
    return Standard.INSTANCE;
  }

  /**
   * A set of codelists made in code (tests, extensions).
   *
   * @param lists the codelists
   * @return the set
   * @throws IllegalArgumentException if two lists have the same id
   */
  public static Codelists of(Collection<Codelist> lists) {
    Map<String, Codelist> m = new LinkedHashMap<>();
    for (Codelist c : lists) {
      if (m.put(c.id(), c) != null) {
        throw new IllegalArgumentException("two codelists have the id '" + c.id() + "'");
      }
    }
    return new Codelists(m);
  }

  private static Codelists load() {
    ClassLoader cl = Codelists.class.getClassLoader();
    List<String> ids = new ArrayList<>();
    try (InputStream index = cl.getResourceAsStream(RESOURCE_FOLDER + "index.json")) {
      if (index != null) {
        JsonNode n = MAPPER.readTree(index);
        JsonNode arr = n.isArray() ? n : n.path("ids");
        for (JsonNode id : arr) {
          ids.add(id.asString());
        }
      }
    } catch (IOException | JacksonException e) {
      throw new IllegalStateException("cannot read " + RESOURCE_FOLDER + "index.json: "
          + e.getMessage(), e);
    }
    if (ids.isEmpty()) {
      ids.addAll(List.of(STANDARD_IDS_TEXT.split(",")));
    }
    Map<String, Codelist> m = new LinkedHashMap<>();
    for (String id : ids) {
      String path = RESOURCE_FOLDER + id + ".json";
      try (InputStream in = cl.getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("the codelist " + path + " is not on the classpath: is "
              + "the civic-equity-schema artifact missing?");
        }
        Codelist c = read(in, path);
        if (!c.id().equals(id)) {
          throw new IllegalStateException(path + " has the id '" + c.id() + "', expected '" + id
              + "'");
        }
        m.put(id, c);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
    }
    return new Codelists(m);
  }

  /**
   * Reads one codelist file (format of {@code codelist.schema.json}).
   *
   * @param in   the JSON bytes; not closed
   * @param name the file name, for messages
   * @return the codelist
   * @throws IllegalArgumentException if the file is not a well-formed codelist
   */
  public static Codelist read(InputStream in, String name) {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(name + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("id").isString()
        || !root.path("codes").isArray()) {
      throw new IllegalArgumentException(name + " is not a codelist: expected an object with "
          + "\"id\" (text) and \"codes\" (array)");
    }
    List<Code> codes = new ArrayList<>();
    int i = 0;
    for (JsonNode c : root.path("codes")) {
      if (!c.path("code").isString()) {
        throw new IllegalArgumentException(name + ": /codes/" + i + " has no \"code\" text");
      }
      List<String> replacedBy = new ArrayList<>();
      for (JsonNode r : c.path("replacedBy")) {
        replacedBy.add(r.asString());
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> attributes = c.path("attributes").isObject()
          ? (Map<String, Object>) JsonValues.toJava(c.path("attributes")) : Map.of();
      codes.add(new Code(c.path("code").asString(), text(c, "label"), text(c, "definition"),
          c.path("deprecated").asBoolean(false), replacedBy, attributes));
      i++;
    }
    return new Codelist(root.path("id").asString(), text(root, "name"), text(root, "description"),
        text(root, "pattern"), codes);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isString() ? null : v.asString();
  }

  /**
   * A codelist by id.
   *
   * @param id the codelist id, e.g. {@code race-ethnicity}
   * @return the list, or empty when there is none with that id
   */
  public Optional<Codelist> find(String id) {
    return Optional.ofNullable(lists.get(id));
  }

  /**
   * A codelist that must exist.
   *
   * @param id the codelist id
   * @return the list
   * @throws IllegalArgumentException if there is no list with that id
   */
  public Codelist get(String id) {
    Codelist c = lists.get(id);
    if (c == null) {
      throw new IllegalArgumentException("no codelist '" + id + "'; known: " + lists.keySet());
    }
    return c;
  }

  /** @return the lists by id, unmodifiable */
  public Map<String, Codelist> asMap() {
    return lists;
  }

  @Override
  public String toString() {
    return "Codelists" + lists.keySet();
  }
}
