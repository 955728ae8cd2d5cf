package org.civicequity.core;

/**
 * The usual source of an indicator's data.
 *
 * @param name    the publisher or programme, e.g. "American Community Survey 5-year"
 * @param table   the table id, e.g. "B17001"; may be null
 * @param vintage the release, e.g. "2022"; may be null
 * @param url     a web page describing the source; may be null
 */
public record IndicatorSource(String name, String table, String vintage, String url) {
}
