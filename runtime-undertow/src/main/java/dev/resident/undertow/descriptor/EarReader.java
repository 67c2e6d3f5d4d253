package dev.resident.undertow.descriptor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an EAR's {@code META-INF/application.xml}: one WAR directory per {@code module/web/web-uri}
 * (R-WAR-1). {@code context-root} is ignored, as App Engine did.
 */
final class EarReader {
  private static final Set<String> NAMESPACES = Set.of("http://java.sun.com/xml/ns/javaee",
      "http://xmlns.jcp.org/xml/ns/javaee", "https://jakarta.ee/xml/ns/jakartaee", "http://java.sun.com/xml/ns/j2ee");

  private EarReader() {}

  /**
   * Returns the WAR directories of an EAR, in the order listed.
   *
   * @param ear the EAR directory
   * @param root the root element of its {@code application.xml}
   * @param findings where to report
   * @return the directories that exist
   */
  static List<Path> wars(Path ear, XmlElement root, Findings findings) {
    if (!root.name().equals("application")) {
      findings.mustBe(root.origin(), "", "an <application> document", "<" + root.name() + ">");
      return List.of();
    }
    if (!root.namespace().isEmpty() && !NAMESPACES.contains(root.namespace())) {
      findings.warning(root.origin(), "application", "application has the namespace " + root.namespace()
          + ", not one of Java EE's or Jakarta EE's; it is read as one of them");
    }
    findings.checkChildren(root, "", List.of("module"), Set.of(),
        Set.of("security-role", "env-entry", "resource-ref", "message-destination"),
        Set.of("description", "display-name", "icon", "application-name", "initialize-in-order",
            "library-directory"));
    List<Path> wars = new ArrayList<>();
    for (XmlElement module : root.children("module")) {
      findings.checkChildren(module, "module", List.of("web"), Set.of("web"), Set.of(),
          Set.of("alt-dd", "ejb", "java", "connector"));
      for (String kind : List.of("ejb", "java", "connector")) {
        module.child(kind).ifPresent(k -> findings.error(k.origin(), "module." + kind,
            "module." + kind + " is not supported: App Engine modules are web modules (module/web/web-uri)"));
      }
      Optional<XmlElement> web = module.child("web");
      if (web.isEmpty()) {
        if (module.children().stream().noneMatch(c -> Set.of("ejb", "java", "connector").contains(c.name()))) {
          findings.mustBe(module.origin(), "module.web", "a web module with a web-uri", "nothing");
        }
        continue;
      }
      findings.checkChildren(web.get(), "module.web", List.of("web-uri", "context-root"),
          Set.of("web-uri", "context-root"), Set.of(), Set.of());
      Optional<XmlElement> uri = web.get().child("web-uri");
      if (uri.isEmpty() || uri.get().text().isEmpty()) {
        findings.mustBe(web.get().origin(), "module.web.web-uri", "the WAR directory of the module", "nothing");
        continue;
      }
      String text = uri.get().text();
      Path war = ear.resolve(text).normalize();
      if (!war.startsWith(ear.normalize()) || !Files.isDirectory(war)) {
        findings.mustBe(uri.get().textOrigin(), "module.web.web-uri",
            "an exploded WAR directory inside the EAR", '"' + text + '"');
        continue;
      }
      wars.add(war);
    }
    if (wars.isEmpty() && !findings.hasErrors()) {
      findings.mustBe(root.origin(), "module", "given at least once", "nothing");
    }
    return wars;
  }
}
