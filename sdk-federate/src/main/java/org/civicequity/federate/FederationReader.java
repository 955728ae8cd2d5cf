package org.civicequity.federate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.civicequity.core.SchemaViolation;
import org.civicequity.core.StandardSchemas;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a federation registry ({@code federation.json}) and checks it against
 * {@code federation.schema.json}; or makes an ad-hoc federation from a list of feed locations.
 */
public final class FederationReader {
  /** Registries larger than this are refused: a registry lists members, it holds no data. */
  public static final long MAX_REGISTRY_BYTES = 8L << 20;

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private FederationReader() {
  }

  /**
   * Reads and validates a registry. Relative member locations are resolved against the
   * registry's directory.
   *
   * @param file the {@code federation.json}
   * @return the federation
   * @throws FederationException if the file cannot be read, is not JSON, or breaks the schema;
   *                             the message has one located line per problem
   */
  public static Federation read(Path file) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new FederationException(name + ": no such file");
    }
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      if (Files.size(file) > MAX_REGISTRY_BYTES) {
        throw new FederationException(name + ": the registry is larger than "
            + MAX_REGISTRY_BYTES + " bytes");
      }
      root = MAPPER.readTree(in);
    } catch (IOException e) {
      throw new FederationException(name + ": cannot be read: " + e.getMessage(), e);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? ""
          : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
      throw new FederationException(name + where + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new FederationException(name + ": the file is empty");
    }
    List<SchemaViolation> violations = StandardSchemas.validate("federation.schema.json", root);
    if (!violations.isEmpty()) {
      List<String> lines = new ArrayList<>();
      for (SchemaViolation v : violations) {
        String pointer = v.pointer() == null || v.pointer().isEmpty() ? "(root)" : v.pointer();
        lines.add(name + " " + pointer + ": " + v.message() + " [" + v.code() + "]");
      }
      throw new FederationException(String.join(System.lineSeparator(), lines));
    }
    Path base = file.toAbsolutePath().getParent();
    List<Member> members = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    JsonNode list = root.get("members");
    for (int i = 0; i < list.size(); i++) {
      JsonNode m = list.get(i);
      String id = m.get("id").asString();
      if (!ids.add(id)) {
        throw new FederationException(name + " /members/" + i + "/id: member id '" + id
            + "' is already used by another member");
      }
      String location = m.get("location").asString();
      if (!isUrl(location)) {
        try {
          location = base.resolve(location).normalize().toString();
        } catch (InvalidPathException e) {
          throw new FederationException(name + " /members/" + i + "/location: not a valid path: "
              + e.getMessage(), e);
        }
      }
      members.add(new Member(id, m.get("publisher").asString(), location,
          m.has("sha256") ? m.get("sha256").asString() : null));
    }
    List<String> indicators = new ArrayList<>();
    if (root.has("indicators")) {
      root.get("indicators").forEach(n -> indicators.add(n.asString()));
    }
    return new Federation(root.get("id").asString(), root.get("name").asString(),
        root.has("description") ? root.get("description").asString() : null, members, indicators);
  }

  /**
   * An ad-hoc federation of feed locations given on the command line. Member ids come from the
   * locations' last path segment (made unique with a number), publishers are filled in from
   * the feeds' manifests at harvest.
   *
   * @param locations feed directories, {@code datapackage.json} or {@code .zip} paths, or
   *                  http(s) URLs
   * @return the federation, id {@code ad-hoc}
   * @throws IllegalArgumentException if no location is given
   */
  public static Federation ofFeeds(List<String> locations) {
    if (locations.isEmpty()) {
      throw new IllegalArgumentException("no feed given");
    }
    List<Member> members = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (String location : locations) {
      String base = slug(lastSegment(location));
      String id = base;
      for (int n = 2; !ids.add(id); n++) {
        id = base + "-" + n;
      }
      String resolved = isUrl(location) ? location : Path.of(location).toAbsolutePath().normalize().toString();
      members.add(new Member(id, null, resolved, null));
    }
    return new Federation("ad-hoc", "Ad-hoc comparison", null, members, List.of());
  }

  static boolean isUrl(String location) {
    String l = location.toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://");
  }

  private static String lastSegment(String location) {
    String s = location.replace('\\', '/');
    int q = s.indexOf('?');
    if (isUrl(s) && q >= 0) {
      s = s.substring(0, q);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    String last = s.substring(s.lastIndexOf('/') + 1);
    if (last.equalsIgnoreCase("datapackage.json")) {
      String parent = s.substring(0, Math.max(0, s.lastIndexOf('/')));
      last = parent.substring(parent.lastIndexOf('/') + 1);
    }
    if (last.toLowerCase(Locale.ROOT).endsWith(".zip")) {
      last = last.substring(0, last.length() - 4);
    }
    return last;
  }

  private static String slug(String s) {
    String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.isEmpty()) {
      slug = "feed";
    }
    return slug.length() > 64 ? slug.substring(0, 64).replaceAll("-+$", "") : slug;
  }
}
