package org.civicequity.schema;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The mapping of JSON Schema errors to structural finding codes, exactly as docs/architecture.md
 * states it (sdk-core implements the same rule for the SDK; the shared test vectors keep the two
 * in step).
 *
 * <p>The code is the {@code x-code} of the nearest subschema that encloses the failing keyword
 * along the error's schema location (the pointer inside the schema document that holds the
 * keyword, walked towards that document's root). Without one, the keyword decides. The field is
 * the {@code x-field} next to that {@code x-code}; else the missing or unknown property for
 * {@code required} and {@code additionalProperties}; else the first segment of the instance
 * location.
 */
public final class FindingMapper {

  /**
   * One finding: a code and the field it is reported on.
   *
   * @param code  the finding code
   * @param field the top-level field, or "" for the whole object
   */
  public record Finding(String code, String field) implements Comparable<Finding> {
    @Override
    public int compareTo(Finding o) {
      int c = code.compareTo(o.code);
      return c != 0 ? c : field.compareTo(o.field);
    }

    @Override
    public String toString() {
      return code + "@" + field;
    }
  }

  private FindingMapper() {
  }

  /**
   * Maps errors to the set of findings.
   *
   * @param errors errors of a schema of the standard
   * @return the distinct (code, field) pairs, sorted
   */
  public static Set<Finding> map(Collection<Error> errors) {
    Set<Finding> out = new TreeSet<>();
    for (Error e : errors) {
      out.add(map(e));
    }
    return out;
  }

  /**
   * Maps one error.
   *
   * @param e an error of a schema of the standard
   * @return its finding
   */
  public static Finding map(Error e) {
    JsonNode annotated = nearestXCode(e.getSchemaLocation());
    String code;
    String field = null;
    if (annotated != null) {
      code = annotated.get("x-code").asString();
      if (annotated.has("x-field")) {
        field = annotated.get("x-field").asString();
      }
    } else {
      code = byKeyword(e.getKeyword());
    }
    if (field == null) {
      field = fieldOf(e);
    }
    return new Finding(code, field);
  }

  /**
   * The code a keyword maps to when no {@code x-code} encloses it.
   *
   * @param keyword a JSON Schema keyword
   * @return the finding code
   */
  public static String byKeyword(String keyword) {
    return switch (keyword) {
      case "required" -> "REQUIRED_FIELD_MISSING";
      case "additionalProperties" -> "UNKNOWN_FIELD";
      case "type" -> "WRONG_TYPE";
      case "enum", "const" -> "UNKNOWN_CODE";
      default -> "SCHEMA_VIOLATION";
    };
  }

  private static JsonNode nearestXCode(SchemaLocation location) {
    JsonNode doc = StandardSchemas.document(location.getAbsoluteIri().toString());
    NodePath fragment = location.getFragment();
    List<JsonNode> chain = new ArrayList<>();
    JsonNode node = doc;
    chain.add(node);
    for (int i = 0; i < fragment.getNameCount(); i++) {
      Object element = fragment.getElement(i);
      node = element instanceof Integer idx ? node.path(idx) : node.path(element.toString());
      chain.add(node);
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      JsonNode candidate = chain.get(i);
      if (candidate.isObject() && candidate.has("x-code")) {
        return candidate;
      }
    }
    return null;
  }

  private static String fieldOf(Error e) {
    String keyword = e.getKeyword();
    if (("required".equals(keyword) || "additionalProperties".equals(keyword))
        && e.getProperty() != null && e.getInstanceLocation().getNameCount() == 0) {
      return e.getProperty();
    }
    NodePath instance = e.getInstanceLocation();
    return instance.getNameCount() == 0 ? "" : String.valueOf(instance.getElement(0));
  }
}
