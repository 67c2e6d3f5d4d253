package dev.resident.undertow.config;

import dev.resident.undertow.descriptor.XmlElement;
import java.util.List;
import java.util.Objects;

/**
 * A descriptor already parsed by {@link dev.resident.undertow.descriptor.SafeXml}, to be read into the
 * model beside yaml files (R-CFG-7, R-WAR-2, R-WAR-4).
 *
 * @param name the file name messages give, such as {@code default/WEB-INF/appengine-web.xml}
 * @param root the root element
 * @param kind what the file configures
 * @param accessRules for {@link Kind#MODULE}: the access rules of the module's web.xml, joined to the
 *     version's; empty otherwise
 * @param inEar for {@link Kind#MODULE}: whether the WAR is part of an EAR, whose
 *     {@code appengine-application.xml} names the application (the WAR's {@code application} is then
 *     ignored, as App Engine did)
 */
public record XmlSource(
    String name, XmlElement root, Kind kind, List<AccessRule> accessRules, boolean inEar) {

  public XmlSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(kind, "kind");
    accessRules = List.copyOf(accessRules);
  }

  /** What a descriptor configures. */
  public enum Kind {
    /** {@code appengine-web.xml}: one module version. */
    MODULE,
    /** {@code backends.xml}. */
    BACKENDS,
    /** {@code dispatch.xml}. */
    DISPATCH,
    /** {@code appengine-application.xml}: the application id. */
    APPLICATION
  }
}
