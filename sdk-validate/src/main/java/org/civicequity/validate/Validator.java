package org.civicequity.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.civicequity.core.Observation;
import org.civicequity.validate.internal.Engine;
import org.civicequity.validate.internal.FindingCollector;
import org.civicequity.validate.internal.input.Inputs;
import org.civicequity.validate.internal.input.ObservationSource;
import org.civicequity.validate.internal.input.RowSink;
import org.civicequity.validate.internal.input.SyntaxProblem;

/**
 * Validates Civic Equity feeds: a feed directory, its {@code datapackage.json}, a {@code .zip} of
 * a feed, a bare {@code observations.csv}/{@code .ndjson}/{@code .json} (checked against the core
 * catalogue), or observations in memory.
 *
 * <p>Build one validator and reuse it: it is immutable and thread-safe, and each call is an
 * independent run. Validation streams: memory does not grow with the number of rows, except the
 * compact per-key state of keyed rules (a 64-bit fingerprint and a few counters per group).
 *
 * <pre>{@code
 * Validator validator = Validator.create();
 * ValidationReport report = validator.validate(Path.of("my-feed"));
 * for (Finding f : report.examples()) {
 *   System.out.println(f.location() + " " + f.code() + " " + f.message());
 * }
 * }</pre>
 */
public final class Validator {
  private final ValidatorOptions options;
  private final List<Rule> rules;
  private final Engine engine;

  private Validator(ValidatorOptions options, List<Rule> rules) {
    this.options = options;
    this.rules = List.copyOf(rules);
    this.engine = new Engine(this.rules, options);
  }

  /**
   * A validator with the default options, the built-in rules and the rule packs on the class path.
   *
   * @return the validator
   */
  public static Validator create() {
    return builder().build();
  }

  /**
   * A validator with these options, the built-in rules and the rule packs on the class path.
   *
   * @param options the options
   * @return the validator
   * @throws IllegalArgumentException if a rule setting names an unknown code
   */
  public static Validator create(ValidatorOptions options) {
    return builder().options(options).build();
  }

  /**
   * A builder, to add rules of your own.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the options */
  public ValidatorOptions options() {
    return options;
  }

  /** @return the rules this validator runs, in order */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * Validates a feed directory, a {@code datapackage.json}, a {@code .zip} or a bare
   * observations file.
   *
   * @param input the path
   * @return the report
   * @throws UnreadableInputException if the input cannot be read at all (missing, unknown kind,
   *                                  damaged or unsafe archive)
   */
  public ValidationReport validate(Path input) throws UnreadableInputException {
    return validate(input, ProgressListener.NONE);
  }

  /**
   * Validates, telling a listener about progress.
   *
   * @param input    the path
   * @param progress told every so many rows
   * @return the report
   * @throws UnreadableInputException if the input cannot be read at all
   */
  public ValidationReport validate(Path input, ProgressListener progress)
      throws UnreadableInputException {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(progress, "progress");
    FindingCollector findings = engine.newCollector();
    try (Inputs.Opened opened = Inputs.open(input, findings)) {
      return engine.run(input.toString(), opened.context(), findings, opened.sources(),
          opened.notRun(), progress);
    } catch (UnreadableInputException e) {
      throw e;
    } catch (IOException | UncheckedIOException e) {
      throw new UnreadableInputException(input + ": cannot be read: " + oneLine(e), e);
    }
  }

  /**
   * Validates observations made in memory against a context (indicators, codelists...).
   *
   * @param observations the observations, in order
   * @param context      what is known of the feed; see {@link FeedContext#builder()}
   * @return the report
   */
  public ValidationReport validate(Iterable<Observation> observations, FeedContext context) {
    Objects.requireNonNull(observations, "observations");
    return validate(observations.iterator(), context);
  }

  /**
   * Validates a stream of observations against a context. The stream is consumed, not closed.
   *
   * @param observations the observations, in order
   * @param context      what is known of the feed
   * @return the report
   */
  public ValidationReport validate(Stream<Observation> observations, FeedContext context) {
    Objects.requireNonNull(observations, "observations");
    return validate(observations.iterator(), context);
  }

  private ValidationReport validate(Iterator<Observation> it, FeedContext context) {
    Objects.requireNonNull(context, "context");
    ObservationSource source = new ObservationSource() {
      @Override
      public String file() {
        return context.input();
      }

      @Override
      public boolean parallel() {
        return false;
      }

      @Override
      public void read(RowSink sink) {
        while (it.hasNext()) {
          sink.row(Objects.requireNonNull(it.next(), "observation"));
        }
      }
    };
    try {
      return engine.run(context.input(), context, engine.newCollector(), List.of(source),
          Map.of(), ProgressListener.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.replace('\n', ' ');
  }

  /** Builds a {@link Validator}. Not thread-safe. */
  public static final class Builder {
    private ValidatorOptions options = ValidatorOptions.defaults();
    private final List<Rule> extra = new ArrayList<>();
    private boolean packs = true;

    private Builder() {
    }

    /**
     * Sets the options.
     *
     * @param value the options
     * @return this builder
     */
    public Builder options(ValidatorOptions value) {
      options = Objects.requireNonNull(value, "options");
      return this;
    }

    /**
     * Adds a rule of your own, run after the built-in ones.
     *
     * @param rule the rule; its code must not clash with another
     * @return this builder
     */
    public Builder addRule(Rule rule) {
      extra.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Whether to load rule packs from the class path (default true).
     *
     * @param value false to run only the built-in rules and those added here
     * @return this builder
     */
    public Builder rulePacks(boolean value) {
      packs = value;
      return this;
    }

    /**
     * Builds the validator.
     *
     * @return the validator
     * @throws IllegalArgumentException if two rules share a code, or a rule setting names a code
     *                                  no rule reports
     */
    public Validator build() {
      List<Rule> all = new ArrayList<>(RuleCatalogue.builtIn());
      if (packs) {
        all.addAll(RuleCatalogue.packs());
      }
      all.addAll(extra);
      java.util.Set<String> codes = new java.util.HashSet<>();
      for (RuleInfo i : RuleCatalogue.describeBuiltIn()) {
        if (!(i.layer() == RuleInfo.Layer.SYNTAX || "SCHEMA_VIOLATION".equals(i.code()))) {
          continue;
        }
        codes.add(i.code());
      }
      for (Rule r : all) {
        if (!codes.add(r.info().code())) {
          throw new IllegalArgumentException("two rules share the code " + r.info().code());
        }
      }
      for (String code : options.rules().keySet()) {
        if (!codes.contains(code)) {
          throw new IllegalArgumentException("unknown rule code '" + code
              + "' in the rule settings; run 'civic-equity rules' for the list");
        }
      }
      return new Validator(options, all);
    }
  }
}
