/** Reading inputs for validation: feeds, bare observation files, in-memory observations. Not API. */
package org.civicequity.validate.internal.input;
