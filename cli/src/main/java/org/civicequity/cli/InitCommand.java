package org.civicequity.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.civicequity.cli.internal.SourceFolderTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code civic-equity init <dir>}: writes a ready-to-edit source folder (manifest, indicator
 * definitions, an observations table with one example row, an example mapping file and a README
 * with the next steps). It refuses to write into a non-empty directory unless {@code --force}.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
    versionProvider = CivicEquity.Version.class,
    description = {
        "Write a ready-to-edit source folder for a new feed.",
        "",
        "The folder holds datapackage.json (the manifest), indicators.json (one example "
            + "indicator), observations.csv (the header and one example row), mapping.json (an "
            + "example conversion of a spreadsheet) and README.md (what to do next)."},
    footer = {"", "Example: civic-equity init my-city-equity"},
    exitCodeList = {
        "0:the folder was written",
        "2:<dir> is not empty (and no --force), is a file, or --name is not a slug",
        "3:<dir> could not be written"},
    exitCodeListHeading = "%nExit codes:%n")
public final class InitCommand implements Callable<Integer> {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<dir>",
      description = "the folder to create (it may exist if it is empty)")
  private Path dir;

  @Option(names = "--force",
      description = "write into a non-empty folder, replacing files of the same names")
  private boolean force;

  @Option(names = "--name", paramLabel = "<slug>",
      description = "the feed's name, lower-case letters, digits and hyphens "
          + "(default: made from the folder name)")
  private String name;

  /** Instances are made by picocli. */
  InitCommand() {
  }

  /**
   * Writes the folder.
   *
   * @return {@link ExitCode#OK}
   * @throws CommandFailure if the folder is not empty (without {@code --force}) or cannot be
   *                        written
   */
  @Override
  public Integer call() {
    String feedName = name == null ? SourceFolderTemplate.slugOf(dir) : name;
    if (!SLUG.matcher(feedName).matches()) {
      throw new ParameterException(spec.commandLine(), "--name must be a slug such as "
          + "'baltimore-equity' (lower-case letters, digits, single hyphens), found '" + feedName + "'");
    }
    checkTarget();
    List<Path> written;
    try {
      Files.createDirectories(dir);
      written = SourceFolderTemplate.write(dir, feedName);
    } catch (IOException e) {
      throw new CommandFailure(ExitCode.UNREADABLE,
          "cannot write " + dir + ": " + reason(e), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Created the source folder " + dir + ":");
    for (Path p : written) {
      out.println("  " + p.getFileName());
    }
    out.println("Next: read " + dir.resolve("README.md") + ", edit the files, then run");
    out.println("  civic-equity validate " + dir);
    out.flush();
    return ExitCode.OK;
  }

  private void checkTarget() {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new CommandFailure(ExitCode.USAGE, dir + " exists and is not a directory; "
          + "give the path of a new or empty folder");
    }
    if (Files.isDirectory(dir) && !force && !isEmpty(dir)) {
      throw new CommandFailure(ExitCode.USAGE, dir + " is not empty; give a new folder, or add "
          + "--force to write into it (this replaces " + String.join(", ",
              SourceFolderTemplate.FILES) + ")");
    }
  }

  private static boolean isEmpty(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new CommandFailure(ExitCode.UNREADABLE,
          "cannot read the folder " + directory + ": " + reason(e), e);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied (" + e.getMessage() + ")";
    }
    if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
      return "a file is in the way (" + e.getMessage() + ")";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory (" + e.getMessage() + ")";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
