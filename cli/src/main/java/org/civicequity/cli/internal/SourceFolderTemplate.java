package org.civicequity.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files {@code civic-equity init} writes, kept as resources under
 * {@code org/civicequity/cli/init/}. The only substitutions are the feed's name and title, which
 * are slugs and therefore safe inside JSON strings and Markdown.
 */
public final class SourceFolderTemplate {

  /** The files written, in the order they are listed to the user. */
  public static final List<String> FILES = List.of(
      "datapackage.json", "indicators.json", "observations.csv", "mapping.json", "README.md");

  private static final String RESOURCE_DIR = "/org/civicequity/cli/init/";

  private SourceFolderTemplate() {
  }

  /**
   * Writes every template into a directory, replacing files of the same names.
   *
   * @param dir  an existing directory
   * @param name the feed's name, a slug
   * @return the paths written, in the order of {@link #FILES}
   * @throws IOException if a file cannot be written
   */
  public static List<Path> write(Path dir, String name) throws IOException {
    List<Path> written = new ArrayList<>();
    for (String file : FILES) {
      Path target = dir.resolve(file);
      Files.writeString(target, render(file, name), StandardCharsets.UTF_8);
      written.add(target);
    }
    return written;
  }

  /**
   * One template with the name filled in.
   *
   * @param file one of {@link #FILES}
   * @param name the feed's name, a slug
   * @return the file's text
   * @throws IllegalStateException if the template is missing from the jar (a packaging bug)
   */
  public static String render(String file, String name) {
    String template;
    try (InputStream in = SourceFolderTemplate.class.getResourceAsStream(RESOURCE_DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("template " + file + " is missing from the civic-equity jar");
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read template " + file + " from the jar", e);
    }
    return template.replace("{{name}}", name).replace("{{title}}", titleOf(name));
  }

  /**
   * A feed name made from a folder name: lower case, runs of other characters become one hyphen.
   *
   * @param dir the folder
   * @return a slug, {@code my-feed} when nothing usable is left
   */
  public static String slugOf(Path dir) {
    Path last = dir.toAbsolutePath().normalize().getFileName();
    String raw = last == null ? "" : last.toString();
    String slug = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "my-feed" : slug;
  }

  /** "baltimore-equity" becomes "Baltimore equity". */
  static String titleOf(String slug) {
    String words = slug.replace('-', ' ');
    return words.isEmpty() ? words
        : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
