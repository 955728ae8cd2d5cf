package org.civicequity.publish.internal;

/** HTML escaping for text and attribute values: every value from a feed goes through here. */
public final class Html {
  private Html() {
  }

  /**
   * Escapes text for element content and attribute values alike.
   *
   * @param s the text, may be null
   * @return the escaped text ({@code &}, {@code <}, {@code >}, {@code "} and {@code '} replaced;
   *     control characters other than tab and newline dropped)
   */
  public static String text(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * Escapes an attribute value (the same rules as {@link #text(String)}).
   *
   * @param s the value
   * @return the escaped value
   */
  public static String attr(String s) {
    return text(s);
  }
}
