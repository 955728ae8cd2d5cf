/**
 * Validation of Civic Equity feeds: {@link org.civicequity.validate.Validator} (built once,
 * thread-safe), its immutable {@link org.civicequity.validate.ValidatorOptions}, the rule API
 * ({@link org.civicequity.validate.RowRule}, {@link org.civicequity.validate.KeyedRule},
 * {@link org.civicequity.validate.FeedRule}, {@link org.civicequity.validate.RuleInfo}), the
 * findings and the {@link org.civicequity.validate.ValidationReport} with its formats
 * ({@link org.civicequity.validate.ReportFormat}: text, JSON, HTML, SARIF).
 *
 * <p>Validation has three layers: syntax (the file parses; located read problems), structure
 * (the standard's JSON Schemas, or compiled code that the shared test vectors prove equivalent)
 * and semantics (rules no schema can express). Rules stream: row rules see one observation at a
 * time, keyed rules keep a compact state per key (a 64-bit fingerprint, never the rows).
 */
package org.civicequity.validate;
