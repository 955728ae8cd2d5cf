package org.civicequity.core.io;

import static org.civicequity.core.io.internal.JsonFields.put;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.civicequity.core.Indicator;
import org.civicequity.core.Numbers;
import org.civicequity.core.internal.JsonOutput;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@code indicators.json} with a stable member order (the order of the {@link Indicator}
 * record), two-space indentation and LF line ends.
 */
public final class IndicatorsWriter {
  private IndicatorsWriter() {
  }

  /**
   * Writes indicators. The stream is flushed, not closed.
   *
   * @param standardVersion the standard version to state in the file, or null to leave it out
   * @param indicators      the indicators, in the order to write them
   * @param out             where to write
   * @throws IOException if the stream cannot be written
   */
  public static void write(String standardVersion, List<Indicator> indicators, OutputStream out)
      throws IOException {
    JsonOutput.write(out, toJson(standardVersion, indicators));
  }

  /**
   * The indicators file as a JSON tree.
   *
   * @param standardVersion the standard version, or null
   * @param indicators      the indicators
   * @return a new tree
   */
  public static ObjectNode toJson(String standardVersion, List<Indicator> indicators) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    put(root, "standardVersion", standardVersion);
    ArrayNode a = root.putArray("indicators");
    for (Indicator i : indicators) {
      a.add(toJson(i));
    }
    return root;
  }

  /**
   * One indicator as a JSON object.
   *
   * @param i the indicator
   * @return a new object
   */
  public static ObjectNode toJson(Indicator i) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    put(o, "id", i.id());
    put(o, "name", i.name());
    put(o, "description", i.description());
    put(o, "domain", i.domain());
    put(o, "unit", i.unit());
    put(o, "polarity", i.polarity());
    put(o, "numerator", i.numerator());
    put(o, "denominator", i.denominator());
    put(o, "universe", i.universe());
    if (i.source() != null) {
      ObjectNode s = o.putObject("source");
      put(s, "name", i.source().name());
      put(s, "table", i.source().table());
      put(s, "vintage", i.source().vintage());
      put(s, "url", i.source().url());
    }
    put(o, "methodology", i.methodology());
    if (i.confidenceLevel() != null) {
      o.put("confidenceLevel", new java.math.BigDecimal(Numbers.format(i.confidenceLevel())));
    }
    put(o, "equivalentTo", i.equivalentTo());
    return o;
  }
}
