package dev.resident.undertow.config;

import dev.resident.undertow.descriptor.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the descriptors of a WAR or EAR into the assembler (R-CFG-7, R-WAR-1, R-WAR-2, R-WAR-4):
 * {@code appengine-web.xml}, {@code backends.xml}, {@code dispatch.xml} and
 * {@code appengine-application.xml}. Each is turned into the yaml nodes its yaml counterpart has and
 * read by the same reader, so rules and messages are the same; problems are worded with XML's names.
 */
final class XmlFileReader {
  private XmlFileReader() {}

  /**
   * Reads one descriptor into the assembler.
   *
   * @param source the parsed descriptor
   * @param assembler what collects the application
   * @param problems where to report
   * @return false when the file is not of the shape its kind needs
   */
  static boolean read(XmlSource source, ApplicationAssembler assembler, Problems problems) {
    switch (source.kind()) {
      case MODULE -> {
        Optional<ModuleFile> module = AppEngineWebReader.read(source, problems);
        module.ifPresent(assembler::add);
        return module.isPresent();
      }
      case BACKENDS -> {
        Problems local = new Problems();
        Optional<YamlNode> document = backends(source.root(), local);
        document.ifPresent(d -> assembler.add(BackendsReader.read(d, source.name(), local)));
        local.all().forEach(p -> problems.add(XmlTrees.worded(p)));
        return document.isPresent();
      }
      case DISPATCH -> {
        Problems local = new Problems();
        Optional<DispatchFile> dispatch =
            dispatch(source.root(), local).flatMap(d -> DispatchReader.read(d, local));
        dispatch.ifPresent(assembler::add);
        local.all().forEach(p -> problems.add(XmlTrees.worded(p)));
        return dispatch.isPresent();
      }
      default -> {
        return application(source.root(), assembler, problems);
      }
    }
  }

  /** {@code <backends><backend name="b"><class>B8</class><options><public>true</public>…}. */
  private static Optional<YamlNode> backends(XmlElement root, Problems problems) {
    if (!expect(root, "backends", problems)) {
      return Optional.empty();
    }
    List<YamlNode> items = new ArrayList<>();
    for (XmlElement backend : root.children()) {
      if (!only(backend, "backends", "backend", problems)) {
        continue;
      }
      List<YamlNode.Entry> entries = new ArrayList<>();
      backend.attribute("name").ifPresent(name -> entries.add(
          new YamlNode.Entry("name", backend.origin(), XmlTrees.scalar(name, backend.origin()))));
      for (XmlElement child : backend.children()) {
        if (child.name().equals("options")) {
          YamlNode.Scalar options = options(child, problems);
          if (!options.isNull()) {
            entries.add(new YamlNode.Entry("options", child.origin(), options));
          }
        } else {
          entries.add(XmlTrees.entry(child));
        }
      }
      items.add(new YamlNode.Mapping(entries, backend.origin()));
    }
    YamlNode list = new YamlNode.Sequence(items, root.origin());
    return Optional.of(new YamlNode.Mapping(
        List.of(new YamlNode.Entry("backends", root.origin(), list)), root.origin()));
  }

  /** {@code <options><dynamic>true</dynamic><fail-fast>true</fail-fast></options>} as yaml's list. */
  private static YamlNode.Scalar options(XmlElement options, Problems problems) {
    List<String> on = new ArrayList<>();
    for (XmlElement option : options.children()) {
      String name = option.name().equals("fail-fast") ? "failfast" : option.name();
      if (option.text().equals("true")) {
        on.add(name);
      } else if (!option.text().equals("false")) {
        problems.mustBe(option.textOrigin(), "options." + option.name(), "true or false",
            '"' + option.text() + '"');
      }
    }
    return XmlTrees.scalar(String.join(", ", on), options.origin());
  }

  /** {@code <dispatch-entries><dispatch><url>…</url><module>…</module></dispatch>…}. */
  private static Optional<YamlNode> dispatch(XmlElement root, Problems problems) {
    if (!expect(root, "dispatch-entries", problems)) {
      return Optional.empty();
    }
    List<YamlNode> items = new ArrayList<>();
    for (XmlElement rule : root.children()) {
      if (only(rule, "dispatch-entries", "dispatch", problems)) {
        items.add(XmlTrees.mapping(rule, java.util.Set.of()));
      }
    }
    YamlNode list = new YamlNode.Sequence(items, root.origin());
    return Optional.of(new YamlNode.Mapping(
        List.of(new YamlNode.Entry("dispatch", root.origin(), list)), root.origin()));
  }

  /** {@code <appengine-application><application>id</application></appengine-application>}. */
  private static boolean application(XmlElement root, ApplicationAssembler assembler, Problems problems) {
    if (!expect(root, "appengine-application", problems)) {
      return false;
    }
    Optional<XmlElement> id = Optional.empty();
    for (XmlElement child : root.children()) {
      if (only(child, "appengine-application", "application", problems)) {
        id = id.isEmpty() ? Optional.of(child) : id;
      }
    }
    if (id.isEmpty()) {
      problems.missing(root.origin(), "application", "the application id");
      return false;
    }
    YamlNode.Scalar value = XmlTrees.scalar(id.get().text(), id.get().textOrigin());
    if (Rules.NAME.read(value).isEmpty()) {
      problems.invalid(value, "application", Rules.NAME.allowed());
      return false;
    }
    assembler.addAppWide(List.of(new AppWideSetting("application", value.text(), value.origin(), false)));
    return true;
  }

  /** App Engine's namespace of its descriptors. */
  static final String APPENGINE_NAMESPACE = "http://appengine.google.com/ns/1.0";

  /**
   * Warns when an App Engine descriptor's root is in another namespace than App Engine's (or none).
   *
   * @param root the root element
   * @param problems where to warn
   */
  static void checkNamespace(XmlElement root, Problems problems) {
    if (!root.namespace().isEmpty() && !root.namespace().equals(APPENGINE_NAMESPACE)) {
      problems.warning(root.origin(), root.name(), root.name() + " has the namespace " + root.namespace()
          + ", not App Engine's " + APPENGINE_NAMESPACE + "; it is read as App Engine's");
    }
  }

  private static boolean expect(XmlElement root, String name, Problems problems) {
    if (root.name().equals(name)) {
      checkNamespace(root, problems);
      return true;
    }
    problems.mustBe(root.origin(), "", "a <" + name + "> document", "<" + root.name() + ">");
    return false;
  }

  private static boolean only(XmlElement child, String parent, String name, Problems problems) {
    if (child.name().equals(name)) {
      return true;
    }
    String hint = Suggestions.closest(child.name(), List.of(name))
        .map(s -> "; did you mean " + s + "?").orElse("; allowed elements: " + name);
    problems.error(child.origin(), parent + "." + child.name(),
        "unknown element " + parent + "." + child.name() + hint);
    return false;
  }
}
