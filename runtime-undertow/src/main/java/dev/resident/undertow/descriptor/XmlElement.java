package dev.resident.undertow.descriptor;

import dev.resident.undertow.config.Origin;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of a descriptor, with the place it was written (R-WAR-2, R-WAR-3).
 *
 * @param name the local name, such as {@code manual-scaling}
 * @param namespace the namespace URI; empty when none
 * @param attributes the attributes by local name
 * @param text the element's own text, trimmed; empty when it has none
 * @param textOrigin where the text starts; the element's origin when it has none
 * @param children the child elements in order
 * @param origin where the start tag is written
 */
public record XmlElement(
    String name,
    String namespace,
    Map<String, Attribute> attributes,
    String text,
    Origin textOrigin,
    List<XmlElement> children,
    Origin origin) {

  public XmlElement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(textOrigin, "textOrigin");
    children = List.copyOf(children);
    Objects.requireNonNull(origin, "origin");
  }

  /**
   * An attribute and where its element is written (StAX gives no place of its own to an attribute).
   *
   * @param name the local name
   * @param value the value
   * @param origin the place of its element
   */
  public record Attribute(String name, String value, Origin origin) {}

  /**
   * Returns the children of a name.
   *
   * @param childName the local name
   * @return those children in order
   */
  public List<XmlElement> children(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }

  /**
   * Returns the first child of a name.
   *
   * @param childName the local name
   * @return the child, or empty
   */
  public Optional<XmlElement> child(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).findFirst();
  }

  /**
   * Returns the text of the first child of a name.
   *
   * @param childName the local name
   * @return its trimmed text, or empty when there is no such child
   */
  public Optional<String> childText(String childName) {
    return child(childName).map(XmlElement::text);
  }

  /**
   * Returns an attribute's value.
   *
   * @param attribute the local name
   * @return the value, or empty
   */
  public Optional<String> attribute(String attribute) {
    return Optional.ofNullable(attributes.get(attribute)).map(Attribute::value);
  }
}
