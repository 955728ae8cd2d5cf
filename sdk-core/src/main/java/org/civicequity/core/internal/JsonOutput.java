package org.civicequity.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON layout of files the SDK writes: two-space indentation, LF line ends on every
 * platform, {@code "name": value}, members in the order the tree holds them, a final newline.
 * Identical input gives identical bytes.
 */
public final class JsonOutput {
  private static final ObjectMapper MAPPER;

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectNameValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator(""))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    MAPPER = JsonMapper.builder()
        .defaultPrettyPrinter(pp)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();
  }

  private JsonOutput() {
  }

  /** @return the shared mapper (thread-safe, configured for the layout) */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Writes a tree followed by a newline. The stream is flushed, not closed.
   *
   * @param out  where to write
   * @param tree the document
   * @throws IOException if the stream cannot be written
   */
  public static void write(OutputStream out, JsonNode tree) throws IOException {
    try {
      byte[] bytes = MAPPER.writeValueAsBytes(tree);
      out.write(bytes);
      out.write('\n');
      out.flush();
    } catch (JacksonException e) {
      throw new IOException("could not write JSON: " + e.getOriginalMessage(), e);
    }
  }
}
