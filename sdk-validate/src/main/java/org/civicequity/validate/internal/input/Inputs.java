package org.civicequity.validate.internal.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.civicequity.core.io.ObservationFormat;
import org.civicequity.validate.FeedContext;
import org.civicequity.validate.UnreadableInputException;
import org.civicequity.validate.internal.FindingCollector;

/** Opens what the user named: a feed (directory, manifest, zip) or a bare observations file. */
public final class Inputs {
  private Inputs() {
  }

  /**
   * What an opened input gives the engine.
   *
   * @param context what is known of the feed
   * @param sources the observation files, in order
   * @param notRun  rules known not to run, with the reason
   * @param cleanup released when validation ends (temporary files, open archives), or null
   */
  public record Opened(FeedContext context, List<ObservationSource> sources,
      Map<String, String> notRun, AutoCloseable cleanup) implements AutoCloseable {
    @Override
    public void close() {
      if (cleanup != null) {
        try {
          cleanup.close();
        } catch (Exception e) {
          // nothing to report: the validation result is complete
        }
      }
    }
  }

  /**
   * Opens an input.
   *
   * @param input    the path the user gave
   * @param findings where findings about the feed's files go
   * @return the opened input
   * @throws UnreadableInputException if it cannot be read at all
   * @throws IOException              if reading failed
   */
  public static Opened open(Path input, FindingCollector findings) throws IOException {
    if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS) && !Files.exists(input)) {
      throw new UnreadableInputException(input + ": no such file or directory");
    }
    String name = input.getFileName() == null ? input.toString()
        : input.getFileName().toString().toLowerCase(Locale.ROOT);
    if (Files.isDirectory(input) || name.equals("datapackage.json") || name.endsWith(".zip")) {
      return FeedInput.open(input, findings);
    }
    Optional<ObservationFormat> format = ObservationFormat.fromFileName(name);
    if (format.isEmpty()) {
      throw new UnreadableInputException(input + ": cannot tell what this is; expected a feed "
          + "directory, a datapackage.json, a .zip, or an observations file ending in .csv, "
          + ".ndjson, .jsonl or .json");
    }
    if (!Files.isReadable(input)) {
      throw new UnreadableInputException(input + ": not readable (check its permissions)");
    }
    String display = input.getFileName().toString();
    FeedContext ctx = FeedContext.builder().input(input.toString())
        .indicators(CoreCatalogue.indicators()).codelists(StandardCodelists.all()).build();
    List<ObservationSource> sources = new ArrayList<>();
    sources.add(Sources.of(display, format.get(), () -> Files.newInputStream(input)));
    return new Opened(ctx, sources, new LinkedHashMap<>(), null);
  }
}
