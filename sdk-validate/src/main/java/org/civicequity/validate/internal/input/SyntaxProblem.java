package org.civicequity.validate.internal.input;

import org.civicequity.core.SourceLocation;

/**
 * A problem found while reading, before any rule ran.
 *
 * @param code     a syntax rule code (see {@code SyntaxRules})
 * @param location where
 * @param value    the offending text, or null
 * @param args     the message arguments of the code's template
 */
public record SyntaxProblem(String code, SourceLocation location, String value, Object... args) {
}
