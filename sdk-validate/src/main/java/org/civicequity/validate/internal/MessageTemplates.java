package org.civicequity.validate.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.civicequity.core.Numbers;

/**
 * The message templates of the built-in rules: one properties file, keyed by rule code, with
 * variants keyed {@code CODE.variant}. Templates use {@code {0}}, {@code {1}}... for arguments.
 */
public final class MessageTemplates {
  /** The classpath resource that holds the templates. */
  public static final String RESOURCE = "org/civicequity/validate/internal/messages.properties";

  private static final MessageTemplates BUILT_IN = load();

  private final Map<String, String> templates;

  private MessageTemplates(Map<String, String> templates) {
    this.templates = Collections.unmodifiableMap(new TreeMap<>(templates));
  }

  /**
   * The templates shipped with the SDK.
   *
   * @return the templates, loaded once
   */
  public static MessageTemplates builtIn() {
    return BUILT_IN;
  }

  private static MessageTemplates load() {
    Properties p = new Properties();
    try (InputStream in = MessageTemplates.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    Map<String, String> m = new TreeMap<>();
    for (String k : p.stringPropertyNames()) {
      m.put(k, p.getProperty(k));
    }
    return new MessageTemplates(m);
  }

  /**
   * The main template of a code.
   *
   * @param code the rule code
   * @return the template
   * @throws IllegalArgumentException if there is none
   */
  public String template(String code) {
    String t = templates.get(code);
    if (t == null) {
      throw new IllegalArgumentException("no message template for rule " + code + " in " + RESOURCE);
    }
    return t;
  }

  /**
   * A variant template.
   *
   * @param code    the rule code
   * @param variant the variant name
   * @return the template, or null when there is no such variant
   */
  public String variant(String code, String variant) {
    return templates.get(code + "." + variant);
  }

  /**
   * Every key of the file, for the test that checks each belongs to a rule.
   *
   * @return the keys, sorted
   */
  public java.util.Set<String> keys() {
    return templates.keySet();
  }

  /**
   * Fills a template. Numbers are written in their shortest form; null arguments as "(empty)".
   *
   * @param template the template
   * @param value    the offending value, for {@code {v}}
   * @param args     the arguments
   * @return the message
   */
  public static String format(String template, String value, Object... args) {
    StringBuilder sb = new StringBuilder(template.length() + 32);
    int n = template.length();
    for (int i = 0; i < n; i++) {
      char c = template.charAt(i);
      if (c == '{' && i + 2 < n && template.charAt(i + 2) == '}'
          && template.charAt(i + 1) >= '0' && template.charAt(i + 1) <= '9') {
        int idx = template.charAt(i + 1) - '0';
        appendVisible(sb, idx < args.length ? text(args[idx]) : "?");
        i += 2;
      } else if (c == '{' && i + 2 < n && template.charAt(i + 1) == 'v'
          && template.charAt(i + 2) == '}') {
        appendVisible(sb, value == null ? "(empty)" : value);
        i += 2;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Appends text with its control characters made visible as {@code \\uXXXX} (a NUL byte or a tab
   * inside a code would otherwise be invisible in the message, or break its one line).
   */
  private static void appendVisible(StringBuilder sb, String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
  }

  /**
   * An argument as message text.
   *
   * @param o the argument
   * @return its text
   */
  public static String text(Object o) {
    if (o == null) {
      return "(empty)";
    }
    if (o instanceof Double d) {
      return Double.isFinite(d) ? Numbers.format(d) : d.toString();
    }
    if (o instanceof Float f) {
      return Numbers.format(f.doubleValue());
    }
    return o.toString();
  }
}
