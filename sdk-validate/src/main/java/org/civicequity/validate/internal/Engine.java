package org.civicequity.validate.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.civicequity.validate.FeedContext;
import org.civicequity.validate.FeedRule;
import org.civicequity.validate.KeyedRule;
import org.civicequity.validate.ProgressListener;
import org.civicequity.validate.Rule;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleSetting;
import org.civicequity.validate.RowRule;
import org.civicequity.validate.internal.rules.BuiltInRowRule;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.ValidationReport.RuleNotRun;
import org.civicequity.validate.ValidationReport.SystemError;
import org.civicequity.validate.ValidatorOptions;
import org.civicequity.validate.internal.input.ChunkedFileSource;
import org.civicequity.validate.internal.input.ObservationSource;
import org.civicequity.validate.internal.input.Pipeline;
import org.civicequity.validate.internal.input.RowSink;
import org.civicequity.validate.internal.input.SyntaxProblem;
import org.civicequity.validate.internal.rules.SyntaxRules;

/**
 * Runs the rules over one input: feed rules once, row rules and keyed rules over every
 * observation as it streams past. Thin on purpose: rules hold the knowledge.
 */
public final class Engine {
  /** Rows between two progress calls. */
  static final long PROGRESS_EVERY = 1L << 16;

  private final List<Rule> rules;
  private final ValidatorOptions options;

  /**
   * Creates an engine.
   *
   * @param rules   every rule, in order
   * @param options the user's options
   */
  public Engine(List<Rule> rules, ValidatorOptions options) {
    this.rules = List.copyOf(rules);
    this.options = options;
  }

  /**
   * A collector with the user's settings, for findings made while opening an input.
   *
   * @return a new collector
   */
  public FindingCollector newCollector() {
    return new FindingCollector(options.rules(), options.exampleCap());
  }

  /**
   * Validates.
   *
   * @param input     the input as the user named it
   * @param feed      what is known of the feed
   * @param findings  the collector, possibly holding findings made while opening the input
   * @param sources   the observation files (or records in memory), in order
   * @param notRun    rules already known not to run (e.g. skipped because a file is missing)
   * @param progress  told about progress
   * @return the report
   * @throws IOException if an observation file could not be read at all
   */
  public ValidationReport run(String input, FeedContext feed, FindingCollector findings,
      List<ObservationSource> sources, Map<String, String> notRun, ProgressListener progress)
      throws IOException {
    CompiledContext ctx = new CompiledContext(feed);
    Map<String, String> skipped = new LinkedHashMap<>(notRun);
    List<SystemError> systemErrors = new ArrayList<>();
    List<FeedRule> feedRules = new ArrayList<>();
    List<RowRule> rowRules = new ArrayList<>();
    List<KeyedRule> keyedRules = new ArrayList<>();
    for (Rule r : rules) {
      String code = r.info().code();
      if (skipped.containsKey(code)) {
        continue;
      }
      RuleSetting s = options.rules().get(code);
      if (s != null && !s.enabled()) {
        skipped.put(code, "switched off by the rule settings");
        continue;
      }
      Optional<String> why;
      try {
        why = r.skipReason(ctx);
      } catch (RuntimeException e) {
        systemErrors.add(systemError(r.info(), e, null));
        skipped.put(code, "stopped after an internal error (see system errors)");
        continue;
      }
      if (why.isPresent()) {
        skipped.put(code, why.get());
        continue;
      }
      if (r instanceof FeedRule f) {
        feedRules.add(f);
      } else if (r instanceof RowRule rr) {
        rowRules.add(rr);
      } else if (r instanceof KeyedRule k) {
        keyedRules.add(k);
      }
    }

    for (FeedRule f : feedRules) {
      try {
        f.check(ctx, findings);
      } catch (RuntimeException e) {
        systemErrors.add(systemError(f.info(), e, null));
        skipped.put(f.info().code(), "stopped after an internal error (see system errors)");
      }
    }

    FindingCollector keyedFindings = newCollector();
    List<KeyedRule> started = new ArrayList<>();
    List<KeyedRule.Check> checks = new ArrayList<>();
    for (KeyedRule k : keyedRules) {
      try {
        checks.add(k.start(ctx));
        started.add(k);
      } catch (RuntimeException e) {
        systemErrors.add(systemError(k.info(), e, null));
        skipped.put(k.info().code(), "stopped after an internal error (see system errors)");
      }
    }

    RowLoop loop = new RowLoop(ctx, findings, keyedFindings,
        rowRules.toArray(new RowRule[0]), started.toArray(new KeyedRule[0]),
        checks.toArray(new KeyedRule.Check[0]), systemErrors, skipped, progress);
    for (ObservationSource source : sources) {
      loop.syntaxErrorsInFile = 0;
      if (source instanceof ChunkedFileSource chunked) {
        ParallelRows.run(chunked, ctx, loop.rowRules, loop::events);
      } else {
        Pipeline.run(source, loop);
      }
      if (loop.syntaxErrorsInFile > 0) {
        loop.syntaxNote = loop.syntaxErrorsInFile + " syntax error"
            + (loop.syntaxErrorsInFile == 1 ? "" : "s") + " in " + source.file();
      }
    }
    for (int i = 0; i < loop.keyed.length; i++) {
      KeyedRule k = loop.keyed[i];
      if (k == null) {
        continue;
      }
      if (loop.syntaxNote != null) {
        skipped.put(k.info().code(), "skipped: " + loop.syntaxNote
            + " leave the rows incomplete, so results over keys would be wrong");
        continue;
      }
      try {
        loop.checks[i].finish(keyedFindings);
      } catch (RuntimeException e) {
        systemErrors.add(systemError(k.info(), e, null));
        skipped.put(k.info().code(), "stopped after an internal error (see system errors)");
      }
    }
    if (loop.syntaxNote == null) {
      findings.absorb(keyedFindings);
    }

    long errors = findings.count(Severity.ERROR);
    long warnings = findings.count(Severity.WARNING);
    long infos = findings.count(Severity.INFO);
    boolean valid = errors == 0 && systemErrors.isEmpty() && !(options.strict() && warnings > 0);
    List<RuleNotRun> notRunList = new ArrayList<>();
    skipped.forEach((code, reason) -> notRunList.add(new RuleNotRun(code, reason)));
    notRunList.sort(java.util.Comparator.comparing(RuleNotRun::code));
    String version = !feed.hasManifest() ? Versions.STANDARD
        : feed.standardVersion() != null && feed.standardVersion().matches("[0-9]+\\.[0-9]+")
            ? feed.standardVersion() : null;
    return new ValidationReport(valid, version, Versions.NAME, Versions.validator(),
        input, new ValidationReport.Summary(errors, warnings, infos, loop.rows),
        findings.groups(), notRunList, systemErrors);
  }

  static SystemError systemError(RuleInfo rule, RuntimeException e, SourceLocation at) {
    String msg = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    StackTraceElement[] st = e.getStackTrace();
    if (st.length > 0) {
      msg += " (at " + st[0] + ")";
    }
    return new SystemError(rule == null ? null : rule.code(),
        (rule == null ? "the engine" : "rule " + rule.code()) + " failed: " + msg, at);
  }

  /** The per-row loop: the hot path. */
  private static final class RowLoop implements RowSink {
    final CompiledContext ctx;
    final FindingCollector findings;
    final FindingCollector keyedFindings;
    final RowRule[] rowRules;
    final KeyedRule[] keyed;
    final KeyedRule.Check[] checks;
    final List<SystemError> systemErrors;
    final Map<String, String> skipped;
    final ProgressListener progress;
    long rows;
    long syntaxErrorsInFile;
    String syntaxNote;

    RowLoop(CompiledContext ctx, FindingCollector findings, FindingCollector keyedFindings,
        RowRule[] rowRules, KeyedRule[] keyed, KeyedRule.Check[] checks,
        List<SystemError> systemErrors, Map<String, String> skipped, ProgressListener progress) {
      this.ctx = ctx;
      this.findings = findings;
      this.keyedFindings = keyedFindings;
      this.rowRules = rowRules;
      this.keyed = keyed;
      this.checks = checks;
      this.systemErrors = systemErrors;
      this.skipped = skipped;
      this.progress = progress;
    }

    @Override
    public void row(Observation o) {
      RowRule[] rr = rowRules;
      for (int i = 0; i < rr.length; i++) {
        RowRule r = rr[i];
        if (r != null) {
          try {
            if (r instanceof BuiltInRowRule b) {
              b.check(o, ctx, findings); // a virtual call, cheaper than an interface call
            } else {
              r.check(o, ctx, findings);
            }
          } catch (RuntimeException e) {
            rr[i] = null;
            fail(r.info(), e, o.location());
          }
        }
      }
      keyedRow(o);
    }

    /** The keyed part of a row (and the count): on the calling thread, in file order. */
    void keyedRow(Observation o) {
      rows++;
      KeyedRule.Check[] ks = checks;
      for (int i = 0; i < ks.length; i++) {
        KeyedRule.Check k = ks[i];
        if (k != null) {
          try {
            k.accept(o, keyedFindings);
          } catch (RuntimeException e) {
            ks[i] = null;
            KeyedRule rule = keyed[i];
            keyed[i] = null;
            fail(rule.info(), e, o.location());
          }
        }
      }
      if ((rows & (PROGRESS_EVERY - 1)) == 0) {
        progress.rowsValidated(rows);
      }
    }

    /** The events of one chunk, from {@link ParallelRows}, in file order. */
    void events(List<Object> events) {
      for (Object e : events) {
        if (e instanceof Observation o) {
          keyedRow(o);
        } else if (e instanceof ParallelRows.Deferred d) {
          if (rowRules[d.rule()] != null) {
            findings.reportVariant(d.info(), d.variant(), d.at(), d.value(), d.args());
          }
        } else if (e instanceof SyntaxProblem p) {
          problem(p);
        } else if (e instanceof ParallelRows.Failure f) {
          RowRule r = rowRules[f.rule()];
          if (r != null) {
            rowRules[f.rule()] = null;
            fail(r.info(), f.error(), f.at());
          }
        }
      }
    }

    private void fail(RuleInfo info, RuntimeException e, SourceLocation at) {
      systemErrors.add(systemError(info, e, at));
      skipped.put(info.code(), "stopped after an internal error at " + at
          + " (see system errors)");
    }

    @Override
    public void problem(SyntaxProblem p) {
      syntaxErrorsInFile++;
      RuleInfo info = SyntaxRules.info(p.code());
      findings.report(info, p.location(), p.value(), p.args());
    }
  }
}
