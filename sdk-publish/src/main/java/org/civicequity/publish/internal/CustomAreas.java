package org.civicequity.publish.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.civicequity.publish.internal.MappingModel.CustomGeo;

/**
 * Custom areas identified by name (e.g. Baltimore's Community Statistical Areas): names are
 * compared without case, spaces or punctuation, aliases (e.g. 2010 names) lead to the canonical
 * name, and each area's census tracts come from a crosswalk file.
 */
public final class CustomAreas {
  /**
   * An area.
   *
   * @param id     the slug of its canonical name
   * @param name   its canonical name
   * @param tracts its census tracts (11-digit GEOIDs), sorted
   */
  public record Area(String id, String name, List<String> tracts) {
    /** Copies the list. */
    public Area {
      tracts = List.copyOf(tracts);
    }
  }

  private final Map<String, Area> byKey = new LinkedHashMap<>();
  private final Map<String, String> aliasKeys = new LinkedHashMap<>();
  /** Keys of the crosswalk's skipNames: names that are not areas (e.g. the citywide total). */
  private final java.util.Set<String> skipKeys = new java.util.HashSet<>();
  private final boolean acceptUnknown;
  private final boolean hasCrosswalk;

  /**
   * Loads the areas.
   *
   * @param spec the mapping's custom geography section
   * @throws IOException if the crosswalk cannot be read; the message names the file
   */
  public CustomAreas(CustomGeo spec) throws IOException {
    this.acceptUnknown = spec.acceptUnknown();
    this.hasCrosswalk = spec.crosswalk() != null;
    Map<String, TreeSet<String>> tracts = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    if (spec.crosswalk() != null) {
      MappingModel.Crosswalk cw = spec.crosswalk();
      java.util.Set<String> skip = new java.util.HashSet<>();
      cw.skipNames().forEach(n -> skip.add(key(n)));
      skipKeys.addAll(skip);
      try (InputStream raw = open(cw.file());
           BOMInputStream in = BOMInputStream.builder().setInputStream(raw).get();
           CSVParser p = CSVParser.builder().setInputStream(in).setCharset(StandardCharsets.UTF_8)
               .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
        if (!p.getHeaderMap().containsKey(cw.nameColumn()) || !p.getHeaderMap().containsKey(cw.tractColumn())) {
          throw new IOException(display(cw.file()) + ": the crosswalk needs the columns " + cw.nameColumn() + " and "
              + cw.tractColumn() + "; it has " + p.getHeaderNames());
        }
        for (CSVRecord r : p) {
          String name = r.get(cw.nameColumn()).strip();
          String tract = r.get(cw.tractColumn()).strip();
          String k = key(name);
          if (name.isEmpty() || skip.contains(k)) {
            continue;
          }
          names.putIfAbsent(k, name);
          TreeSet<String> set = tracts.computeIfAbsent(k, x -> new TreeSet<>());
          if (tract.matches("[0-9]{11}")) {
            set.add(tract);
          }
        }
      } catch (java.io.UncheckedIOException e) {
        throw new IOException(display(cw.file()) + ": " + e.getCause().getMessage(), e.getCause());
      }
    }
    for (Map.Entry<String, String> e : names.entrySet()) {
      byKey.put(e.getKey(), new Area(slug(e.getValue()), e.getValue(), new ArrayList<>(tracts.get(e.getKey()))));
    }
    for (Map.Entry<String, String> a : spec.aliases().entrySet()) {
      String target = key(a.getValue());
      aliasKeys.put(key(a.getKey()), target);
      if (!byKey.containsKey(target) && !hasCrosswalk) {
        byKey.put(target, new Area(slug(a.getValue()), a.getValue(), List.of()));
      }
    }
  }

  private static InputStream open(String ref) throws IOException {
    if (ref.startsWith("classpath:")) {
      InputStream in = CustomAreas.class.getClassLoader().getResourceAsStream(ref.substring("classpath:".length()));
      if (in == null) {
        throw new IOException("the crosswalk " + display(ref) + " is missing from the SDK");
      }
      return in;
    }
    try {
      return Files.newInputStream(Path.of(ref));
    } catch (NoSuchFileException e) {
      throw new IOException("the crosswalk file " + ref + " does not exist (it is named in the mapping's "
          + "geography.custom.crosswalk.file, relative to the mapping file)", e);
    }
  }

  private static String display(String ref) {
    return ref.startsWith("classpath:" + MappingLoader.RECIPE_FOLDER)
        ? "recipe file " + ref.substring(("classpath:" + MappingLoader.RECIPE_FOLDER).length()) : ref;
  }

  /**
   * Finds an area by one of its names.
   *
   * @param name a name as written in the data
   * @return the area, or null when unknown (and unknown names are not accepted)
   */
  public Area resolve(String name) {
    String k = key(name);
    String target = aliasKeys.getOrDefault(k, k);
    Area a = byKey.get(target);
    if (a == null && acceptUnknown && !k.isEmpty()) {
      a = new Area(slug(name), name.strip(), List.of());
      byKey.put(k, a);
    }
    return a;
  }

  /**
   * Whether a name is one the crosswalk lists as not an area (skipNames, e.g. Baltimore City) and
   * no area or alias has.
   *
   * @param name a name as written in the data
   * @return true for such a name
   */
  public boolean isNotAnArea(String name) {
    String k = key(name);
    return skipKeys.contains(k) && !byKey.containsKey(aliasKeys.getOrDefault(k, k));
  }

  /**
   * A few known names, for messages.
   *
   * @return up to the first 8 canonical names
   */
  public List<String> someNames() {
    return byKey.values().stream().map(Area::name).limit(8).toList();
  }

  /**
   * The comparison key of a name: lower case letters and digits only.
   *
   * @param name a name
   * @return its key
   */
  public static String key(String name) {
    StringBuilder sb = new StringBuilder();
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * The id of a name: lower-kebab-case letters and digits, at most 64 characters.
   *
   * @param name a name
   * @return the slug
   */
  public static String slug(String name) {
    String n = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String s = n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 64) {
      s = s.substring(0, 64).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "area" : s;
  }
}
