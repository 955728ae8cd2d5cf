package org.civicequity.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.civicequity.publish.internal.MappingBuilder;
import org.civicequity.publish.internal.MappingLoader;
import org.civicequity.publish.internal.MappingModel;

/**
 * A conversion mapping, loaded from a file or a shipped recipe and checked against the mapping
 * schema ({@code https://civicequity.org/schema/1.0/mapping.schema.json}). Immutable.
 */
public final class Mapping {
  private final MappingModel.Spec spec;

  private Mapping(MappingModel.Spec spec) {
    this.spec = spec;
  }

  /**
   * Loads a mapping by the name a user gives: {@code recipe:NAME} for a shipped recipe, or the
   * path of a mapping file.
   *
   * @param nameOrPath {@code recipe:NAME} or a file path
   * @return the mapping
   * @throws MappingException if the mapping (or one it extends) is unreadable or invalid; every
   *     problem is located in its file
   */
  public static Mapping load(String nameOrPath) throws MappingException {
    Objects.requireNonNull(nameOrPath, "nameOrPath");
    String spec = nameOrPath;
    // a bare recipe name (acs-table) that is not a file means the recipe (README: "mapping.json | recipe name")
    if (!spec.startsWith(MappingLoader.RECIPE_PREFIX) && spec.matches("[a-z0-9]+(-[a-z0-9]+)*")
        && !java.nio.file.Files.exists(Path.of(spec)) && MappingLoader.recipeNames().contains(spec)) {
      spec = MappingLoader.RECIPE_PREFIX + spec;
    }
    return new Mapping(MappingBuilder.build(MappingLoader.load(spec, null)));
  }

  /**
   * Loads a mapping file.
   *
   * @param file the file
   * @return the mapping
   * @throws MappingException if it is unreadable or invalid
   */
  public static Mapping load(Path file) throws MappingException {
    return load(file.toString());
  }

  /**
   * Loads a shipped recipe.
   *
   * @param name the recipe name (e.g. {@code bnia-vital-signs})
   * @return the mapping
   * @throws MappingException if there is no such recipe
   */
  public static Mapping recipe(String name) throws MappingException {
    return load(MappingLoader.RECIPE_PREFIX + name);
  }

  /**
   * The names of the recipes shipped with the SDK.
   *
   * @return the names, usable as {@code recipe:NAME}
   */
  public static List<String> recipes() {
    return MappingLoader.recipeNames();
  }

  /**
   * The same mapping with more constant fields (command-line {@code --constant FIELD=VALUE});
   * constants are used when a row does not give the field.
   *
   * @param constants field to value
   * @return a new mapping
   */
  public Mapping withConstants(Map<String, String> constants) {
    return new Mapping(spec.withConstants(constants));
  }

  /** @return the mapping's name, or null */
  public String name() {
    return spec.name();
  }

  /** @return the mapping's title, or null */
  public String title() {
    return spec.title();
  }

  /** @return where the mapping was read from: a path or {@code recipe:NAME} */
  public String origin() {
    return spec.origin();
  }

  MappingModel.Spec spec() {
    return spec;
  }
}
