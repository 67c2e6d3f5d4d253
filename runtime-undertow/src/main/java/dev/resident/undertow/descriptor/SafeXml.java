package dev.resident.undertow.descriptor;

import dev.resident.undertow.config.ConfigProblem;
import dev.resident.undertow.config.Origin;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a descriptor with the JDK's StAX parser, DTDs and external entities off (R-WAR-6): a document that
 * declares a DTD or an entity is an error and nothing of it is read, so no file or network read can follow
 * from it. Every element keeps its line and column.
 */
public final class SafeXml {
  private static final XMLInputFactory FACTORY = factory();

  private SafeXml() {}

  /**
   * The outcome of reading one document.
   *
   * @param root the root element; empty when the document could not be read
   * @param problems the errors found, each with its place
   */
  public record Result(Optional<XmlElement> root, List<ConfigProblem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Reads a document.
   *
   * @param file the name messages give it
   * @param text the document
   * @return the root, or the problem that stopped reading
   */
  public static Result read(String file, String text) {
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.createXMLStreamReader(new StringReader(text));
      return new Result(Optional.of(document(file, text.split("\n", -1), reader)), List.of());
    } catch (XMLStreamException e) {
      return failed(file, e.getLocation(), "invalid XML: " + reason(e));
    } catch (Refused e) {
      return failed(file, e.location, e.getMessage());
    } finally {
      close(reader);
    }
  }

  private static XmlElement document(String file, String[] lines, XMLStreamReader reader)
      throws XMLStreamException {
    Deque<Builder> open = new ArrayDeque<>();
    XmlElement root = null;
    // The place after one event is where the next starts: StAX reports the end of an event only.
    Origin start = new Origin(file, 1, 1);
    while (reader.hasNext()) {
      int event = reader.next();
      Origin eventStart = start;
      start = origin(file, reader.getLocation());
      switch (event) {
        case XMLStreamConstants.DTD -> throw new Refused(reader.getLocation(),
            "the descriptor declares a DTD (<!DOCTYPE>); descriptors are read without DTDs or entities, so"
                + " remove the declaration (R-WAR-6)");
        case XMLStreamConstants.ENTITY_REFERENCE -> throw new Refused(reader.getLocation(),
            "the descriptor refers to the entity &" + reader.getLocalName()
                + ";, which is not read (R-WAR-6)");
        case XMLStreamConstants.START_ELEMENT -> open.push(new Builder(tagStart(eventStart, lines), reader));
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (!open.isEmpty()) {
            open.peek().text(reader.getText(), eventStart);
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          XmlElement done = open.pop().build();
          if (open.isEmpty()) {
            root = done;
          } else {
            open.peek().children.add(done);
          }
        }
        default -> { }
      }
    }
    if (root == null) {
      throw new Refused(null, "the descriptor has no root element");
    }
    return root;
  }

  /** The parser may report a place just past the {@code <} of a tag; this moves back onto it. */
  private static Origin tagStart(Origin reported, String[] lines) {
    if (reported.line() > lines.length) {
      return reported;
    }
    String line = lines[reported.line() - 1];
    for (int column = reported.column(); column >= Math.max(1, reported.column() - 2); column--) {
      if (column <= line.length() && line.charAt(column - 1) == '<') {
        return new Origin(reported.file(), reported.line(), column);
      }
    }
    return reported;
  }

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setXMLResolver((publicId, systemId, base, namespace) -> {
      throw new XMLStreamException("external resource " + systemId + " is not read (R-WAR-6)");
    });
    return factory;
  }

  private static Result failed(String file, Location location, String message) {
    Origin at = location == null ? new Origin(file, 1, 1) : origin(file, location);
    return new Result(Optional.empty(),
        List.of(new ConfigProblem(ConfigProblem.Severity.ERROR, at.file(), at.line(), at.column(), "", message)));
  }

  private static Origin origin(String file, Location location) {
    return new Origin(file, Math.max(1, location.getLineNumber()), Math.max(1, location.getColumnNumber()));
  }

  private static String reason(XMLStreamException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int marker = message.indexOf("Message: ");
    return (marker >= 0 ? message.substring(marker + "Message: ".length()) : message).strip();
  }

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // Nothing is held open: the text was in memory.
      }
    }
  }

  /** An element being read. */
  private static final class Builder {
    private final String name;
    private final String namespace;
    private final Map<String, XmlElement.Attribute> attributes = new LinkedHashMap<>();
    private final StringBuilder text = new StringBuilder();
    private final List<XmlElement> children = new ArrayList<>();
    private final Origin origin;
    private Origin textOrigin;

    Builder(Origin origin, XMLStreamReader reader) {
      this.name = reader.getLocalName();
      this.namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
      this.origin = origin;
      for (int i = 0; i < reader.getAttributeCount(); i++) {
        String attribute = reader.getAttributeLocalName(i);
        attributes.put(attribute, new XmlElement.Attribute(attribute, reader.getAttributeValue(i), origin));
      }
    }

    void text(String chunk, Origin at) {
      if (textOrigin == null && !chunk.isBlank()) {
        int line = at.line();
        int column = at.column();
        for (int i = 0; Character.isWhitespace(chunk.charAt(i)); i++) {
          if (chunk.charAt(i) == '\n') {
            line++;
            column = 1;
          } else {
            column++;
          }
        }
        textOrigin = new Origin(at.file(), line, column);
      }
      text.append(chunk);
    }

    XmlElement build() {
      return new XmlElement(name, namespace, attributes, text.toString().strip(),
          textOrigin == null ? origin : textOrigin, children, origin);
    }
  }

  /** A document refused for what it declares. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Location location;

    Refused(Location location, String message) {
      super(message, null, false, false);
      this.location = location;
    }
  }
}
