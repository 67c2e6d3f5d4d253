package dev.resident.undertow.descriptor;

import dev.resident.undertow.config.AccessRule;
import dev.resident.undertow.config.HandlerConfig;
import dev.resident.undertow.config.Origin;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code web.xml} (Servlet 2.5 to 6.0, {@code javaee} and {@code jakartaee} namespaces) into a
 * {@link WebApp} (R-WAR-3). Security constraints become {@link AccessRule}s as App Engine read them: role
 * {@code admin} is {@code login: admin}, role {@code *} is {@code login: required}, {@code CONFIDENTIAL}
 * and {@code INTEGRAL} are {@code secure: always}. JSP is not supported and is an error.
 */
final class WebXmlReader {
  private static final Set<String> NAMESPACES = Set.of(
      "http://java.sun.com/xml/ns/javaee",
      "http://xmlns.jcp.org/xml/ns/javaee",
      "https://jakarta.ee/xml/ns/jakartaee",
      "http://java.sun.com/xml/ns/j2ee");
  private static final List<String> TOP = List.of("context-param", "servlet", "servlet-mapping", "filter",
      "filter-mapping", "listener", "welcome-file-list", "error-page", "mime-mapping", "session-config",
      "security-constraint");
  private static final Set<String> TOP_IGNORED = Set.of("login-config", "jsp-config", "env-entry",
      "resource-ref", "resource-env-ref", "ejb-ref", "ejb-local-ref", "service-ref", "message-destination",
      "message-destination-ref", "persistence-context-ref", "persistence-unit-ref", "post-construct",
      "pre-destroy", "data-source", "locale-encoding-mapping-list", "default-context-path");
  private static final Set<String> DESCRIPTIVE = Set.of("description", "display-name", "icon");
  private static final Set<String> TOP_SILENT = Set.of("description", "display-name", "icon", "distributable",
      "security-role", "module-name", "absolute-ordering", "deny-uncovered-http-methods",
      "request-character-encoding", "response-character-encoding");
  private static final Pattern CLASS_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
  private static final Pattern URL_PATTERN = Pattern.compile("/\\S*|\\*\\.\\S+|");
  private static final String JSP_SERVLET = "org.apache.jasper.servlet.JspServlet";
  private static final String CLASS = "a class name such as com.example.Worker";

  private final Findings findings;

  private WebXmlReader(Findings findings) {
    this.findings = findings;
  }

  /**
   * Reads a parsed {@code web.xml}.
   *
   * @param root its root element
   * @param findings where to report
   * @return what it deploys; what could be read when there are errors
   */
  static WebApp read(XmlElement root, Findings findings) {
    return new WebXmlReader(findings).read(root);
  }

  private WebApp read(XmlElement root) {
    if (!root.name().equals("web-app")) {
      findings.mustBe(root.origin(), "", "a <web-app> document", "<" + root.name() + ">");
      return WebApp.EMPTY;
    }
    if (!root.namespace().isEmpty() && !NAMESPACES.contains(root.namespace())) {
      findings.warning(root.origin(), "web-app", "web-app has the namespace " + root.namespace()
          + ", not one of the Servlet 2.5 to 6.0 schemas; it is read as one of them");
    }
    findings.checkChildren(root, "", TOP, Set.of("session-config", "welcome-file-list"), TOP_IGNORED,
        TOP_SILENT);
    boolean metadataComplete = bool(root, "metadata-complete");
    Map<String, String> contextParams = new LinkedHashMap<>();
    root.children("context-param").forEach(p -> param(p, "context-param", contextParams));
    Map<String, List<String>> mappings = servletMappings(root);
    List<WebApp.Servlet> servlets = new ArrayList<>();
    Set<String> servletNames = new LinkedHashSet<>();
    for (XmlElement s : root.children("servlet")) {
      servlet(s, mappings).ifPresent(servlet -> {
        if (!servletNames.add(servlet.name())) {
          findings.mustBe(s.origin(), "servlet.servlet-name", "unique", '"' + servlet.name() + '"');
        } else {
          servlets.add(servlet);
        }
      });
    }
    Set<String> declaredServlets = declared(root, "servlet", "servlet-name");
    for (XmlElement m : root.children("servlet-mapping")) {
      m.childText("servlet-name").filter(n -> !n.isEmpty() && !declaredServlets.contains(n)).ifPresent(n ->
          findings.mustBe(m.child("servlet-name").get().textOrigin(), "servlet-mapping.servlet-name",
              "a declared servlet (" + String.join(", ", declaredServlets) + ")", '"' + n + '"'));
    }
    List<WebApp.Filter> filters = new ArrayList<>();
    root.children("filter").forEach(f -> filter(f).ifPresent(filters::add));
    Set<String> filterNames = declared(root, "filter", "filter-name");
    List<WebApp.FilterMapping> filterMappings = new ArrayList<>();
    root.children("filter-mapping").forEach(m -> filterMapping(m, filterNames).ifPresent(filterMappings::add));
    List<String> listeners = new ArrayList<>();
    for (XmlElement l : root.children("listener")) {
      findings.checkChildren(l, "listener", List.of("listener-class"), Set.of("listener-class"), Set.of(),
          DESCRIPTIVE);
      className(l, "listener", "listener-class").ifPresent(listeners::add);
    }
    List<String> welcome = new ArrayList<>();
    for (XmlElement w : root.children("welcome-file-list")) {
      findings.checkChildren(w, "welcome-file-list", List.of("welcome-file"), Set.of(), Set.of(), Set.of());
      w.children("welcome-file").forEach(f -> welcome.add(f.text()));
    }
    List<WebApp.ErrorPage> errorPages = new ArrayList<>();
    root.children("error-page").forEach(e -> errorPage(e).ifPresent(errorPages::add));
    Map<String, String> mime = new LinkedHashMap<>();
    root.children("mime-mapping").forEach(m -> mimeMapping(m, mime));
    Integer sessionTimeout = root.child("session-config").flatMap(this::sessionTimeout).orElse(null);
    List<AccessRule> rules = new ArrayList<>();
    root.children("security-constraint").forEach(c -> rules.addAll(securityConstraint(c)));
    return new WebApp(contextParams, servlets, filters, filterMappings, listeners, welcome, errorPages, mime,
        sessionTimeout, rules, metadataComplete);
  }

  private Map<String, List<String>> servletMappings(XmlElement root) {
    Map<String, List<String>> mappings = new LinkedHashMap<>();
    for (XmlElement m : root.children("servlet-mapping")) {
      findings.checkChildren(m, "servlet-mapping", List.of("servlet-name", "url-pattern"),
          Set.of("servlet-name"), Set.of(), Set.of("id"));
      Optional<String> name = required(m, "servlet-mapping", "servlet-name", "a servlet name");
      List<String> patterns = urlPatterns(m, "servlet-mapping");
      name.ifPresent(n -> mappings.computeIfAbsent(n, k -> new ArrayList<>()).addAll(patterns));
    }
    return mappings;
  }

  private Optional<WebApp.Servlet> servlet(XmlElement s, Map<String, List<String>> mappings) {
    findings.checkChildren(s, "servlet", List.of("servlet-name", "servlet-class", "jsp-file", "init-param",
            "load-on-startup", "async-supported", "enabled"),
        Set.of("servlet-name", "servlet-class", "jsp-file", "load-on-startup", "async-supported", "enabled"),
        Set.of("multipart-config", "run-as", "security-role-ref"), DESCRIPTIVE);
    Optional<String> name = required(s, "servlet", "servlet-name", "a servlet name");
    Optional<XmlElement> jsp = s.child("jsp-file");
    if (jsp.isPresent()) {
      findings.error(jsp.get().origin(), "servlet.jsp-file", "servlet.jsp-file " + quoted(jsp.get().text())
          + " is JSP, which Resident does not run; serve the page from a servlet or as a static file");
      return Optional.empty();
    }
    Optional<String> className = className(s, "servlet", "servlet-class");
    if (className.filter(JSP_SERVLET::equals).isPresent()) {
      findings.error(s.child("servlet-class").get().textOrigin(), "servlet.servlet-class",
          "servlet.servlet-class " + JSP_SERVLET + " is JSP, which Resident does not run");
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    s.children("init-param").forEach(p -> param(p, "servlet.init-param", params));
    Integer loadOnStartup = s.child("load-on-startup").flatMap(this::loadOnStartup).orElse(null);
    boolean async = s.child("async-supported").map(a -> flag(a, "servlet.async-supported")).orElse(false);
    if (name.isEmpty() || className.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new WebApp.Servlet(name.get(), className.get(), params, loadOnStartup, async,
        mappings.getOrDefault(name.get(), List.of()), s.origin()));
  }

  private Optional<Integer> loadOnStartup(XmlElement e) {
    if (e.text().isEmpty()) {
      return Optional.of(0);
    }
    try {
      return Optional.of(Integer.parseInt(e.text()));
    } catch (NumberFormatException x) {
      findings.mustBe(e.textOrigin(), "servlet.load-on-startup", "an integer", quoted(e.text()));
      return Optional.empty();
    }
  }

  private Optional<WebApp.Filter> filter(XmlElement f) {
    findings.checkChildren(f, "filter", List.of("filter-name", "filter-class", "init-param", "async-supported"),
        Set.of("filter-name", "filter-class", "async-supported"), Set.of(), DESCRIPTIVE);
    Optional<String> name = required(f, "filter", "filter-name", "a filter name");
    Optional<String> className = className(f, "filter", "filter-class");
    Map<String, String> params = new LinkedHashMap<>();
    f.children("init-param").forEach(p -> param(p, "filter.init-param", params));
    boolean async = f.child("async-supported").map(a -> flag(a, "filter.async-supported")).orElse(false);
    if (name.isEmpty() || className.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new WebApp.Filter(name.get(), className.get(), params, async, f.origin()));
  }

  /** The names given to elements, read or not, so one bad servlet does not make its mappings errors too. */
  private static Set<String> declared(XmlElement root, String element, String nameElement) {
    Set<String> names = new LinkedHashSet<>();
    root.children(element).forEach(e -> e.childText(nameElement).filter(n -> !n.isEmpty()).ifPresent(names::add));
    return names;
  }

  private Optional<WebApp.FilterMapping> filterMapping(XmlElement m, Set<String> filters) {
    findings.checkChildren(m, "filter-mapping", List.of("filter-name", "url-pattern", "servlet-name",
        "dispatcher"), Set.of("filter-name"), Set.of(), Set.of());
    Optional<String> name = required(m, "filter-mapping", "filter-name", "a filter name");
    if (name.isPresent() && !filters.contains(name.get())) {
      findings.mustBe(m.child("filter-name").get().textOrigin(), "filter-mapping.filter-name",
          "a declared filter (" + String.join(", ", filters) + ")", quoted(name.get()));
      name = Optional.empty();
    }
    List<String> patterns = urlPatterns(m, "filter-mapping");
    List<String> servlets = m.children("servlet-name").stream().map(XmlElement::text).toList();
    if (patterns.isEmpty() && servlets.isEmpty()) {
      findings.mustBe(m.origin(), "filter-mapping.url-pattern",
          "given, or a servlet-name (a filter mapping maps something)", "neither");
    }
    Set<DispatcherType> dispatchers = EnumSet.noneOf(DispatcherType.class);
    for (XmlElement d : m.children("dispatcher")) {
      try {
        dispatchers.add(DispatcherType.valueOf(d.text()));
      } catch (IllegalArgumentException e) {
        findings.mustBe(d.textOrigin(), "filter-mapping.dispatcher",
            "one of REQUEST, FORWARD, INCLUDE, ERROR, ASYNC", quoted(d.text()));
      }
    }
    if (dispatchers.isEmpty()) {
      dispatchers.add(DispatcherType.REQUEST);
    }
    return name.map(n -> new WebApp.FilterMapping(n, patterns, servlets, dispatchers));
  }

  private Optional<WebApp.ErrorPage> errorPage(XmlElement e) {
    findings.checkChildren(e, "error-page", List.of("error-code", "exception-type", "location"),
        Set.of("error-code", "exception-type", "location"), Set.of(), Set.of());
    Optional<String> location = required(e, "error-page", "location", "a path such as /errors/404.html");
    Optional<XmlElement> code = e.child("error-code");
    Optional<XmlElement> type = e.child("exception-type");
    if (code.isPresent() && type.isPresent()) {
      findings.mustBe(type.get().origin(), "error-page.exception-type", "absent when error-code is given",
          "both");
    }
    Integer status = null;
    if (code.isPresent()) {
      try {
        status = Integer.parseInt(code.get().text());
      } catch (NumberFormatException x) {
        status = -1;
      }
      if (status < 400 || status > 599) {
        findings.mustBe(code.get().textOrigin(), "error-page.error-code", "an HTTP status from 400 to 599",
            quoted(code.get().text()));
        return Optional.empty();
      }
    }
    String exception = type.flatMap(t -> className(e, "error-page", "exception-type")).orElse(null);
    if (location.isPresent() && !location.get().startsWith("/")) {
      findings.mustBe(e.child("location").get().textOrigin(), "error-page.location", "a path starting with /",
          quoted(location.get()));
      return Optional.empty();
    }
    Integer finalStatus = status;
    return location.map(l -> new WebApp.ErrorPage(finalStatus, exception, l));
  }

  private void mimeMapping(XmlElement m, Map<String, String> mime) {
    findings.checkChildren(m, "mime-mapping", List.of("extension", "mime-type"),
        Set.of("extension", "mime-type"), Set.of(), Set.of());
    Optional<String> extension = required(m, "mime-mapping", "extension", "a file extension such as json");
    Optional<String> type = required(m, "mime-mapping", "mime-type", "a MIME type such as application/json");
    if (extension.isPresent() && type.isPresent()) {
      mime.put(extension.get(), type.get());
    }
  }

  private Optional<Integer> sessionTimeout(XmlElement config) {
    findings.checkChildren(config, "session-config", List.of("session-timeout"), Set.of("session-timeout"),
        Set.of("cookie-config", "tracking-mode"), Set.of());
    Optional<XmlElement> timeout = config.child("session-timeout");
    if (timeout.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(timeout.get().text()));
    } catch (NumberFormatException e) {
      findings.mustBe(timeout.get().textOrigin(), "session-config.session-timeout", "an integer (minutes)",
          quoted(timeout.get().text()));
      return Optional.empty();
    }
  }

  private List<AccessRule> securityConstraint(XmlElement c) {
    String path = "security-constraint";
    findings.checkChildren(c, path, List.of("web-resource-collection", "auth-constraint",
        "user-data-constraint"), Set.of("auth-constraint", "user-data-constraint"), Set.of(), Set.of(
            "display-name"));
    HandlerConfig.Login login = HandlerConfig.Login.OPTIONAL;
    Optional<XmlElement> auth = c.child("auth-constraint");
    if (auth.isPresent()) {
      findings.checkChildren(auth.get(), path + ".auth-constraint", List.of("role-name"), Set.of(), Set.of(),
          Set.of("description"));
      List<XmlElement> roles = auth.get().children("role-name");
      if (roles.isEmpty()) {
        findings.mustBe(auth.get().origin(), path + ".auth-constraint.role-name",
            "admin or * (App Engine's roles; an empty auth-constraint, which lets no one in, is not supported)",
            "nothing");
      }
      for (XmlElement role : roles) {
        switch (role.text()) {
          case "admin" -> login = HandlerConfig.Login.ADMIN;
          case "*" -> login = login == HandlerConfig.Login.ADMIN ? login : HandlerConfig.Login.REQUIRED;
          default -> findings.mustBe(role.textOrigin(), path + ".auth-constraint.role-name",
              "admin or * (App Engine's roles)", quoted(role.text()));
        }
      }
    }
    AccessRule.Secure secure = AccessRule.Secure.OPTIONAL;
    Optional<XmlElement> data = c.child("user-data-constraint");
    if (data.isPresent()) {
      findings.checkChildren(data.get(), path + ".user-data-constraint", List.of("transport-guarantee"),
          Set.of("transport-guarantee"), Set.of(), Set.of("description"));
      Optional<XmlElement> guarantee = data.get().child("transport-guarantee");
      String value = guarantee.map(XmlElement::text).orElse("NONE");
      switch (value.toUpperCase(Locale.ROOT)) {
        case "CONFIDENTIAL", "INTEGRAL" -> secure = AccessRule.Secure.ALWAYS;
        case "NONE" -> { }
        default -> findings.mustBe(guarantee.get().textOrigin(),
            path + ".user-data-constraint.transport-guarantee", "one of NONE, INTEGRAL, CONFIDENTIAL",
            quoted(value));
      }
    }
    List<AccessRule> rules = new ArrayList<>();
    List<XmlElement> collections = c.children("web-resource-collection");
    if (collections.isEmpty()) {
      findings.mustBe(c.origin(), path + ".web-resource-collection", "given at least once", "nothing");
    }
    for (XmlElement collection : collections) {
      String cpath = path + ".web-resource-collection";
      findings.checkChildren(collection, cpath, List.of("web-resource-name", "url-pattern", "http-method"),
          Set.of("web-resource-name"), Set.of(), Set.of("description"));
      collection.child("http-method-omission").ifPresent(o -> findings.error(o.origin(),
          cpath + ".http-method-omission", cpath + ".http-method-omission is not supported; list the"
              + " http-methods the constraint covers"));
      Set<String> methods = new LinkedHashSet<>();
      collection.children("http-method").forEach(m -> methods.add(m.text().toUpperCase(Locale.ROOT)));
      for (String pattern : urlPatterns(collection, cpath)) {
        rules.add(new AccessRule(pattern, methods, login, secure, AccessRule.AuthFailAction.REDIRECT,
            collection.origin()));
      }
    }
    return rules.stream().filter(AccessRule::protects).toList();
  }

  private List<String> urlPatterns(XmlElement parent, String path) {
    List<String> patterns = new ArrayList<>();
    for (XmlElement p : parent.children("url-pattern")) {
      if (URL_PATTERN.matcher(p.text()).matches()) {
        patterns.add(p.text());
      } else {
        findings.mustBe(p.textOrigin(), path + ".url-pattern", "a URL pattern such as /, /tasks/* or *.json",
            quoted(p.text()));
      }
    }
    return patterns;
  }

  private void param(XmlElement p, String path, Map<String, String> params) {
    findings.checkChildren(p, path, List.of("param-name", "param-value"), Set.of("param-name", "param-value"),
        Set.of(), Set.of("description"));
    Optional<String> name = required(p, path, "param-name", "a parameter name");
    if (p.child("param-value").isEmpty()) {
      findings.mustBe(p.origin(), path + ".param-value", "a value", "nothing");
    }
    name.ifPresent(n -> params.put(n, p.childText("param-value").orElse("")));
  }

  private Optional<String> className(XmlElement parent, String path, String child) {
    Optional<String> name = required(parent, path, child, CLASS);
    if (name.isPresent() && !CLASS_NAME.matcher(name.get()).matches()) {
      findings.mustBe(parent.child(child).get().textOrigin(), path + "." + child, CLASS, quoted(name.get()));
      return Optional.empty();
    }
    return name;
  }

  private Optional<String> required(XmlElement parent, String path, String child, String allowed) {
    Optional<XmlElement> element = parent.child(child);
    if (element.isEmpty() || element.get().text().isEmpty()) {
      Origin at = element.map(XmlElement::origin).orElse(parent.origin());
      findings.mustBe(at, path + "." + child, allowed, "nothing");
      return Optional.empty();
    }
    return Optional.of(element.get().text());
  }

  private boolean bool(XmlElement root, String attribute) {
    Optional<String> value = root.attribute(attribute);
    if (value.isEmpty()) {
      return false;
    }
    if (!value.get().equals("true") && !value.get().equals("false")) {
      findings.mustBe(root.origin(), root.name() + "@" + attribute, "true or false", quoted(value.get()));
    }
    return value.get().equals("true");
  }

  private boolean flag(XmlElement e, String field) {
    if (!e.text().equals("true") && !e.text().equals("false")) {
      findings.mustBe(e.textOrigin(), field, "true or false", quoted(e.text()));
    }
    return e.text().equals("true");
  }

  private static String quoted(String text) {
    return '"' + text + '"';
  }
}
