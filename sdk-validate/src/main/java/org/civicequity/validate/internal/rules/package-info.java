/**
 * The built-in rules, one small final class per code, and their registry. Not API: use
 * {@link org.civicequity.validate.RuleCatalogue} to list them.
 */
package org.civicequity.validate.internal.rules;
