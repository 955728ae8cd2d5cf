/** The report writers: text, JSON, HTML and SARIF. Not API: use {@link org.civicequity.validate.ReportFormat}. */
package org.civicequity.validate.internal.report;
