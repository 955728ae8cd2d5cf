/**
 * Implementation of the command line (error handling, templates); not API.
 */
package org.civicequity.cli.internal;
