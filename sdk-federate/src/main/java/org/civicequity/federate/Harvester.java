package org.civicequity.federate;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.civicequity.core.Geography;
import org.civicequity.core.Indicator;
import org.civicequity.core.Jurisdiction;
import org.civicequity.core.Manifest;
import org.civicequity.core.Publisher;
import org.civicequity.core.io.Feed;
import org.civicequity.core.io.FeedException;
import org.civicequity.core.io.ObservationReader;
import org.civicequity.core.io.ReadOptions;
import org.civicequity.core.io.ReadResult;
import org.civicequity.federate.internal.FetchException;
import org.civicequity.federate.internal.HttpFetcher;
import org.civicequity.federate.internal.RemoteFeed;
import org.civicequity.federate.internal.Urls;
import org.civicequity.validate.Finding;
import org.civicequity.validate.Severity;
import org.civicequity.validate.UnreadableInputException;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.Validator;

/**
 * Harvests the members of a federation into a store (DESIGN §7): fetch (a local path, or http(s)
 * with the limits of {@link HarvestOptions}), verify the expected SHA-256, validate with
 * {@link Validator}, and load the manifest's jurisdiction, the indicators, the geographies and
 * the observations into the store. A member that cannot be fetched, does not match its hash,
 * cannot be read or is invalid is recorded as skipped with the reason, and the harvest goes on.
 *
 * <p>Members are harvested one after another. Close the harvester to stop its watchdog thread.
 */
public final class Harvester implements AutoCloseable {
  private final HarvestOptions options;
  private final Validator validator;
  private final HttpFetcher fetcher;

  /**
   * A harvester with the standard validator.
   *
   * @param options the limits and policies
   */
  public Harvester(HarvestOptions options) {
    this(options, Validator.create());
  }

  /**
   * A harvester with a validator of your own (your rule settings or rules).
   *
   * @param options   the limits and policies
   * @param validator the validator
   */
  public Harvester(HarvestOptions options, Validator validator) {
    this.options = Objects.requireNonNull(options, "options");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.fetcher = new HttpFetcher(options.connectTimeout(), options.readTimeout(),
        options.maxRedirects());
  }

  /**
   * Harvests every member of a federation.
   *
   * @param federation the federation
   * @param store      the store to load
   * @param listener   told about every step
   * @return one result per member, in registry order
   * @throws FederationException only if the store itself cannot be written
   */
  public List<MemberResult> harvest(Federation federation, FederationStore store,
      HarvestListener listener) {
    List<MemberResult> results = new ArrayList<>();
    for (Member m : federation.members()) {
      results.add(harvest(m, store, listener));
    }
    return results;
  }

  /**
   * Harvests one member. Its earlier rows in the store are replaced.
   *
   * @param member   the member
   * @param store    the store to load
   * @param listener told about every step
   * @return the result (harvested, or skipped with the reason)
   * @throws FederationException only if the store itself cannot be written
   */
  public MemberResult harvest(Member member, FederationStore store, HarvestListener listener) {
    Instant start = Instant.now();
    Step step = new Step(member, store, listener);
    Path work = null;
    try {
      Path local;
      String sha256;
      if (member.remote()) {
        URI url;
        try {
          url = new URI(member.location());
        } catch (java.net.URISyntaxException e) {
          return step.skip(start, null, "not a valid URL: " + Urls.redact(member.location()));
        }
        work = Files.createTempDirectory("civic-equity-harvest-");
        step.log("fetch", "fetching " + Urls.redact(member.location()));
        RemoteFeed.Local got = RemoteFeed.fetch(url, work, fetcher, options.maxBytes(),
            start.plus(options.memberTimeout()), step::log);
        local = got.path();
        sha256 = got.sha256();
      } else {
        local = Path.of(member.location());
        if (!Files.exists(local)) {
          return step.skip(start, null, "no such file or directory: " + member.location());
        }
        sha256 = sha256(hashedFile(local));
      }
      if (member.sha256() != null && !member.sha256().equals(sha256)) {
        return step.skip(start, sha256, "SHA-256 mismatch: the registry expects " + member.sha256()
            + ", the feed file has " + sha256);
      }
      step.log("verify", member.sha256() == null ? "SHA-256 " + sha256 + " (no expected hash given)"
          : "SHA-256 matches");

      ValidationReport report = validator.validate(local);
      ValidationReport.Summary s = report.summary();
      step.log("validate", s.errors() + " errors, " + s.warnings() + " warnings, " + s.rows() + " rows");
      if (s.errors() > 0 && !options.acceptInvalid()) {
        return step.skip(start, sha256, s.errors(), s.warnings(),
            "invalid: " + s.errors() + " validation errors (" + firstErrors(report) + ")");
      }
      return load(step, start, local, sha256, s.errors(), s.warnings());
    } catch (FetchException e) {
      return step.skip(start, null, e.getMessage());
    } catch (UnreadableInputException | FeedException e) {
      return step.skip(start, null, "unreadable: " + Urls.redactAll(oneLine(e)));
    } catch (IOException e) {
      return step.skip(start, null, "cannot read the feed: " + Urls.redactAll(oneLine(e)));
    } catch (FederationException e) {
      throw e;
    } catch (RuntimeException e) {
      // A bug met on one member's data must not stop the federation: report it as the reason.
      return step.skip(start, null, "internal error while harvesting (" + e.getClass().getSimpleName()
          + "): " + Urls.redactAll(oneLine(e)));
    } finally {
      if (work != null) {
        try {
          RemoteFeed.deleteTree(work);
        } catch (IOException e) {
          listener.event(member.id(), "cleanup", "could not delete " + work + ": " + e.getMessage());
        }
      }
    }
  }

  private MemberResult load(Step step, Instant start, Path local, String sha256, long errors,
      long warnings) throws IOException {
    try (Feed feed = Feed.open(local)) {
      // One transaction per member: its rows appear together, or (on failure) not at all.
      MemberResult result = step.store.inTransaction(() -> {
        try {
          return loadFeed(step, start, feed, sha256, errors, warnings);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      step.log("done", "harvested");
      return result;
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private MemberResult loadFeed(Step step, Instant start, Feed feed, String sha256, long errors,
      long warnings) throws IOException {
    Member member = step.member;
    FederationStore store = step.store;
    store.removeMember(member.id());
    Manifest manifest = feed.manifest().value().orElse(null);
    String standardVersion = null;
    Publisher publisher = null;
    if (manifest != null && manifest.civicEquity() != null) {
      standardVersion = manifest.civicEquity().standardVersion();
      publisher = manifest.civicEquity().publisher();
    }
    Jurisdiction j = publisher == null ? null : publisher.jurisdiction();
    List<Indicator> indicators = feed.indicators().value().orElse(List.of());
    List<Geography> geographies = feed.geographies().flatMap(ReadResult::value).orElse(List.of());
    store.putIndicators(member.id(), indicators);
    store.putGeographies(member.id(), geographies);
    long rows;
    try (FederationStore.ObservationLoader loader = store.observations(member.id())) {
      for (String path : feed.observationPaths()) {
        try (ObservationReader reader = feed.observations(path, ReadOptions.defaults())) {
          while (reader.hasNext()) {
            loader.add(reader.next());
          }
        }
      }
      rows = loader.rows();
    }
    step.log("load", rows + " observations, " + indicators.size() + " indicators, "
        + geographies.size() + " geographies");
    String publisherName = member.publisher() != null ? member.publisher()
        : publisher != null && publisher.name() != null ? publisher.name() : member.id();
    MemberResult result = new MemberResult(member.id(), publisherName,
        Urls.redact(member.location()), MemberResult.Status.HARVESTED,
        errors > 0 ? "loaded despite " + errors + " validation errors" : null, sha256,
        standardVersion, j == null ? null : j.geoLevel(), j == null ? null : j.geoId(),
        j == null ? null : j.name(), rows, errors, warnings, Duration.between(start, Instant.now()));
    store.putMember(result, Instant.now());
    return result;
  }

  /** The file whose hash the registry gives: the zip, or the manifest of a directory. */
  private static Path hashedFile(Path local) {
    if (Files.isDirectory(local)) {
      return local.resolve(Feed.MANIFEST);
    }
    return local;
  }

  private static String sha256(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new FeedException(file.toString(), FeedException.Reason.NOT_FOUND, file + ": no such file");
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file),
        MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static String firstErrors(ValidationReport report) {
    List<String> parts = new ArrayList<>();
    for (ValidationReport.FindingGroup g : report.findings()) {
      if (g.severity() != Severity.ERROR || parts.size() >= 3) {
        continue;
      }
      String where = "";
      if (!g.examples().isEmpty()) {
        Finding f = g.examples().get(0);
        where = " first at " + f.location() + ": " + f.message();
      }
      parts.add(g.code() + " ×" + g.count() + where);
    }
    return String.join("; ", parts);
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.replace('\n', ' ').replace('\r', ' ');
  }

  @Override
  public void close() {
    fetcher.close();
  }

  /** Logging and result-making for one member. */
  private static final class Step {
    final Member member;
    final FederationStore store;
    final HarvestListener listener;

    Step(Member member, FederationStore store, HarvestListener listener) {
      this.member = member;
      this.store = store;
      this.listener = listener;
    }

    void log(String event, String message) {
      String safe = Urls.redactAll(message);
      store.log(member.id(), event, safe);
      listener.event(member.id(), event, safe);
    }

    MemberResult skip(Instant start, String sha256, String reason) {
      return skip(start, sha256, 0, 0, reason);
    }

    MemberResult skip(Instant start, String sha256, long errors, long warnings, String reason) {
      String safe = Urls.redactAll(reason);
      MemberResult r = new MemberResult(member.id(),
          member.publisher() == null ? member.id() : member.publisher(),
          Urls.redact(member.location()), MemberResult.Status.SKIPPED, safe, sha256, null, null,
          null, null, 0, errors, warnings, Duration.between(start, Instant.now()));
      log("skip", safe);
      store.inTransaction(() -> {
        store.removeMember(member.id());
        store.putMember(r, Instant.now());
        return r;
      });
      return r;
    }
  }

  @Override
  public String toString() {
    return "Harvester[" + options + "]";
  }
}
