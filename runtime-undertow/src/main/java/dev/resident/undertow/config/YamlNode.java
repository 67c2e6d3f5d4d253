package dev.resident.undertow.config;

import com.fasterxml.jackson.core.JsonToken;
import java.util.List;
import java.util.Optional;

/** A yaml value with the place it was written: a mapping, a sequence or a scalar. */
sealed interface YamlNode {

  /**
   * Returns where the value starts.
   *
   * @return the origin
   */
  Origin origin();

  /**
   * Describes the value the way messages say what was found.
   *
   * @return {@code "text"} for strings, the number or boolean as written, {@code nothing} for null,
   *     {@code a mapping} or {@code a list}
   */
  String describe();

  /**
   * One key of a mapping and its value.
   *
   * @param key the key text
   * @param keyOrigin where the key is written
   * @param value the value
   */
  record Entry(String key, Origin keyOrigin, YamlNode value) {}

  /**
   * A mapping. Duplicate keys are kept, in order, so that they can be reported.
   *
   * @param entries every entry in order
   * @param origin where the mapping starts
   */
  record Mapping(List<Entry> entries, Origin origin) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    /**
     * Finds the first entry of a key.
     *
     * @param key the key
     * @return the entry, or empty
     */
    Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /**
   * A sequence.
   *
   * @param items the items in order
   * @param origin where the sequence starts
   */
  record Sequence(List<YamlNode> items, Origin origin) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar.
   *
   * @param token how Jackson typed it: {@code VALUE_STRING}, {@code VALUE_NUMBER_INT}, {@code
   *     VALUE_NUMBER_FLOAT}, {@code VALUE_TRUE}, {@code VALUE_FALSE} or {@code VALUE_NULL}
   * @param text the text as written
   * @param origin where it is written
   */
  record Scalar(JsonToken token, String text, Origin origin) implements YamlNode {

    /**
     * Tells whether the value is null ({@code ~}, {@code null} or nothing after the colon).
     *
     * @return true for null
     */
    boolean isNull() {
      return token == JsonToken.VALUE_NULL;
    }

    @Override
    public String describe() {
      if (isNull()) {
        return "nothing";
      }
      if (token == JsonToken.VALUE_STRING) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
      }
      return text;
    }
  }
}
