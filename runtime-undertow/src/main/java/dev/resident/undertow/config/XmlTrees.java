package dev.resident.undertow.config;

import com.fasterxml.jackson.core.JsonToken;
import dev.resident.undertow.descriptor.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns descriptor elements into the {@link YamlNode}s the yaml readers check, so that XML gets the same
 * rules and messages as yaml (R-WAR-2): an element with children is a mapping of their names, with
 * {@code -} read as {@code _}; an element without is a scalar of its text; problems are then worded back
 * with XML's names.
 */
final class XmlTrees {
  private static final Pattern YAML_NAME = Pattern.compile("\\b[a-z]+(?:_[a-z]+)+\\b");

  private XmlTrees() {}

  /**
   * Returns the yaml key of an element name.
   *
   * @param element such as {@code manual-scaling}
   * @return such as {@code manual_scaling}
   */
  static String key(String element) {
    return element.replace('-', '_');
  }

  /**
   * Converts an element's children into a mapping, leaving out some.
   *
   * @param element the element
   * @param skip the element names read elsewhere
   * @return the mapping at the element's place
   */
  static YamlNode.Mapping mapping(XmlElement element, Set<String> skip) {
    List<YamlNode.Entry> entries = new ArrayList<>();
    for (XmlElement child : element.children()) {
      if (!skip.contains(child.name())) {
        entries.add(entry(child));
      }
    }
    return new YamlNode.Mapping(entries, element.origin());
  }

  /**
   * Converts an element into a mapping entry.
   *
   * @param element the element
   * @return its key and value
   */
  static YamlNode.Entry entry(XmlElement element) {
    return new YamlNode.Entry(key(element.name()), element.origin(), value(element));
  }

  /**
   * Converts an element into a value: a mapping when it has children, else a scalar.
   *
   * @param element the element
   * @return the value
   */
  static YamlNode value(XmlElement element) {
    if (!element.children().isEmpty()) {
      return mapping(element, Set.of());
    }
    return scalar(element.text(), element.textOrigin());
  }

  /**
   * Makes a scalar of text as yaml would type it: {@code true} and {@code false} are booleans, no text is
   * null, anything else a string (numbers are read from strings as well).
   *
   * @param text the text
   * @param origin where it is written
   * @return the scalar
   */
  static YamlNode.Scalar scalar(String text, Origin origin) {
    JsonToken token = switch (text) {
      case "" -> JsonToken.VALUE_NULL;
      case "true" -> JsonToken.VALUE_TRUE;
      case "false" -> JsonToken.VALUE_FALSE;
      default -> JsonToken.VALUE_STRING;
    };
    return new YamlNode.Scalar(token, text, origin);
  }

  /**
   * Words a problem found in an XML file with XML's names: {@code manual-scaling.instances}, unknown
   * {@code element}s.
   *
   * @param problem the problem as the yaml readers worded it
   * @return the problem as an XML reader words it
   */
  static ConfigProblem worded(ConfigProblem problem) {
    String message = problem.message()
        .replace("unknown key ", "unknown element ")
        .replace("duplicate key ", "duplicate element ")
        .replace("allowed keys: ", "allowed elements: ")
        .replace("a mapping of ", "an element holding ");
    return new ConfigProblem(problem.severity(), problem.file(), problem.line(), problem.column(),
        hyphens(problem.field()), hyphensOutsideQuotes(message));
  }

  private static String hyphens(String text) {
    Matcher m = YAML_NAME.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group().replace('_', '-')));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String hyphensOutsideQuotes(String message) {
    StringBuilder out = new StringBuilder();
    String[] parts = message.split("\"", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.append('"');
      }
      out.append(i % 2 == 0 ? hyphens(parts[i]) : parts[i]);
    }
    return out.toString();
  }
}
