package org.civicequity.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Test helpers: the rule fixtures on the test class path, and feeds built around them. */
final class Fixtures {
  private Fixtures() {
  }

  /** The folder of a test resource. */
  static Path resource(String name) {
    try {
      var url = Fixtures.class.getClassLoader().getResource(name);
      if (url == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A feed in {@code dir} around an observations file: the base feed of the rule fixtures
   * (manifest, indicators, geographies) with the given file as its observations.
   */
  static Path feedAround(Path observations, Path dir) {
    try {
      Path base = resource("rules/_feed");
      copyTree(base, dir);
      String name = observations.getFileName().toString();
      String ext = name.substring(name.lastIndexOf('.') + 1);
      String obsName = "observations." + ext;
      Files.copy(observations, dir.resolve(obsName), StandardCopyOption.REPLACE_EXISTING);
      Path manifest = dir.resolve("datapackage.json");
      String m = Files.readString(manifest, StandardCharsets.UTF_8)
          .replace("OBSERVATIONS", obsName).replace("FORMAT", ext);
      Files.writeString(manifest, m, StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
