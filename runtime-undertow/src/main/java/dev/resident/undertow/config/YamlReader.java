package dev.resident.undertow.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads yaml text into {@link YamlNode}s with Jackson's streaming parser, keeping the line and column of
 * every key and value. A syntax error becomes a problem at the place Jackson reports.
 */
final class YamlReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final String file;
  private final JsonParser parser;

  private YamlReader(String file, JsonParser parser) {
    this.file = file;
    this.parser = parser;
  }

  /**
   * Reads the single document of a source. An empty document reads as an empty mapping at 1:1.
   *
   * @param source the source
   * @param problems where a syntax error, or a second document, is reported
   * @return the document, or empty when it could not be read
   */
  static Optional<YamlNode> read(ConfigSource source, Problems problems) {
    JsonParser parser;
    try {
      parser = FACTORY.createParser(source.text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (parser) {
      YamlReader reader = new YamlReader(source.name(), parser);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.of(new YamlNode.Mapping(List.of(), Origin.startOf(source.name())));
      }
      YamlNode document = reader.value(first);
      if (parser.nextToken() != null) {
        problems.error(reader.here(), "", "the file must hold one yaml document, found a second one");
      }
      return Optional.of(document);
    } catch (JsonProcessingException e) {
      // A syntax error (StreamReadException), or a document past the parser's limits of nesting depth or
      // of the length of a number or name (StreamConstraintsException), which has no location of its own.
      JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
      problems.error(at(source.name(), where), "", "invalid yaml: " + reason(e));
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private YamlNode value(JsonToken token) throws IOException {
    Origin origin = here();
    switch (token) {
      case START_OBJECT:
        List<YamlNode.Entry> entries = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          Origin keyOrigin = here();
          entries.add(new YamlNode.Entry(key, keyOrigin, value(parser.nextToken())));
        }
        return new YamlNode.Mapping(entries, origin);
      case START_ARRAY:
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          items.add(value(t));
        }
        return new YamlNode.Sequence(items, origin);
      default:
        return new YamlNode.Scalar(token, parser.getText(), origin);
    }
  }

  private Origin here() {
    return at(file, parser.currentTokenLocation());
  }

  private static Origin at(String file, JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return Origin.startOf(file);
    }
    return new Origin(file, location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  /** Keeps the lines of the parser's message that explain, dropping its copy of the source text. */
  private static String reason(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    return message
        .lines()
        .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
        .collect(Collectors.joining("; "));
  }
}
