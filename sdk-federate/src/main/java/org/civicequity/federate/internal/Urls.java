package org.civicequity.federate.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL helpers: redaction for logs and reports, and credentials from user-info. */
public final class Urls {
  private static final Pattern SECRET_NAME = Pattern.compile(
      "(?i).*(token|key|secret|pass|pwd|sig|auth|credential|session|code).*");

  private static final Pattern URL_IN_TEXT = Pattern.compile("(?i)https?://[^\\s'\"<>]+");

  private Urls() {
  }

  /**
   * A URL safe to print: user-info removed, the values of secret-looking query parameters
   * replaced with {@code ***}, the fragment dropped.
   *
   * @param url any text; non-URLs are returned unchanged
   * @return the redacted text
   */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      return url;
    }
    try {
      return redact(new URI(url));
    } catch (URISyntaxException e) {
      // Not parseable: cut everything between the scheme and the last '@' of the authority.
      int scheme = url.indexOf("://") + 3;
      int slash = url.indexOf('/', scheme);
      int at = url.lastIndexOf('@', slash < 0 ? url.length() : slash);
      String noUser = at > scheme ? url.substring(0, scheme) + url.substring(at + 1) : url;
      int q = noUser.indexOf('?');
      return q < 0 ? noUser : noUser.substring(0, q) + "?***";
    }
  }

  /**
   * Redacts every http(s) URL found in a text (see {@link #redact(String)}).
   *
   * @param text any text, may be null
   * @return the text with its URLs redacted
   */
  public static String redactAll(String text) {
    if (text == null) {
      return null;
    }
    java.util.regex.Matcher m = URL_IN_TEXT.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(redact(m.group())));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * A URI safe to print (see {@link #redact(String)}).
   *
   * @param uri the URI
   * @return the redacted text
   */
  public static String redact(URI uri) {
    StringBuilder sb = new StringBuilder();
    sb.append(uri.getScheme()).append("://");
    if (uri.getHost() != null) {
      sb.append(uri.getHost());
    } else if (uri.getRawAuthority() != null) {
      String a = uri.getRawAuthority();
      sb.append(a.substring(a.lastIndexOf('@') + 1));
    }
    if (uri.getPort() >= 0 && uri.getHost() != null) {
      sb.append(':').append(uri.getPort());
    }
    if (uri.getRawPath() != null) {
      sb.append(uri.getRawPath());
    }
    if (uri.getRawQuery() != null) {
      sb.append('?');
      String[] params = uri.getRawQuery().split("&", -1);
      for (int i = 0; i < params.length; i++) {
        String p = params[i];
        int eq = p.indexOf('=');
        String name = eq < 0 ? p : p.substring(0, eq);
        if (i > 0) {
          sb.append('&');
        }
        sb.append(name);
        if (eq >= 0) {
          sb.append('=').append(SECRET_NAME.matcher(name).matches() ? "***" : p.substring(eq + 1));
        }
      }
    }
    return sb.toString();
  }

  /**
   * The URI without its user-info and fragment (what is actually requested).
   *
   * @param uri the URI
   * @return the URI to request
   * @throws IllegalArgumentException if the URI cannot be rebuilt
   */
  public static URI withoutUserInfo(URI uri) {
    StringBuilder sb = new StringBuilder();
    sb.append(uri.getScheme()).append("://");
    String host = uri.getHost();
    if (host == null) {
      throw new IllegalArgumentException("URL has no host: " + redact(uri.toString()));
    }
    sb.append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
    if (uri.getPort() >= 0) {
      sb.append(':').append(uri.getPort());
    }
    sb.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    if (uri.getRawQuery() != null) {
      sb.append('?').append(uri.getRawQuery());
    }
    try {
      return new URI(sb.toString());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL: " + redact(uri.toString()), e);
    }
  }

  /**
   * An HTTP Basic {@code Authorization} header value from the URI's user-info, if any.
   *
   * @param uri the URI as the user gave it
   * @return the header value, or null without user-info
   */
  public static String basicAuthorization(URI uri) {
    String info = uri.getUserInfo();
    if (info == null || info.isEmpty()) {
      return null;
    }
    return "Basic " + java.util.Base64.getEncoder()
        .encodeToString(info.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
