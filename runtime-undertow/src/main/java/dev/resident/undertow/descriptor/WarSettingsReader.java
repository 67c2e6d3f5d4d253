package dev.resident.undertow.descriptor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the WAR-only parts of {@code appengine-web.xml}: {@code static-files}, {@code public-root},
 * {@code system-properties}, {@code sessions-enabled} and {@code resident/class-loading} (R-WAR-2,
 * R-WAR-5). The rest of the file is read into the version by the config package.
 */
final class WarSettingsReader {
  private static final Pattern EXPIRATION = Pattern.compile("(\\d+)([dhms])");
  private static final String EXPIRATION_ALLOWED = "a duration such as 4d 5h, 30m or 10s";

  private WarSettingsReader() {}

  static WarSettings read(XmlElement root, Findings findings) {
    String publicRoot = root.child("public-root").map(e -> publicRoot(e, findings)).orElse("/");
    StaticFiles staticFiles = root.child("static-files")
        .map(e -> staticFiles(e, publicRoot, findings))
        .orElse(new StaticFiles(publicRoot, StaticFiles.DEFAULT.includes(), StaticFiles.DEFAULT.excludes()));
    Map<String, String> properties = new LinkedHashMap<>();
    root.child("system-properties").ifPresent(e -> properties(e, properties, findings));
    WarSettings.ClassLoading loading = root.child("resident")
        .flatMap(r -> r.child("class-loading").or(() -> r.child("class_loading")))
        .flatMap(e -> classLoading(e, findings))
        .orElse(WarSettings.ClassLoading.VERSION);
    boolean sessions = root.childText("sessions-enabled").map("true"::equals).orElse(false);
    return new WarSettings(staticFiles, properties, loading, sessions);
  }

  private static String publicRoot(XmlElement e, Findings findings) {
    String text = e.text();
    if (!text.startsWith("/") || text.contains("..") || text.contains("\\")) {
      findings.mustBe(e.textOrigin(), "public-root", "a directory of the WAR such as /static",
          '"' + text + '"');
      return "/";
    }
    return text.endsWith("/") && text.length() > 1 ? text.substring(0, text.length() - 1) : text;
  }

  private static StaticFiles staticFiles(XmlElement e, String publicRoot, Findings findings) {
    findings.checkChildren(e, "static-files", List.of("include", "exclude"), java.util.Set.of(),
        java.util.Set.of(), java.util.Set.of());
    List<StaticFiles.Include> includes = new ArrayList<>();
    List<Pattern> excludes = new ArrayList<>();
    for (XmlElement include : e.children("include")) {
      findings.checkChildren(include, "static-files.include", List.of("http-header"), java.util.Set.of(),
          java.util.Set.of(), java.util.Set.of());
      Optional<String> path = path(include, "static-files.include", findings);
      Duration expiration = include.attribute("expiration")
          .flatMap(x -> expiration(x, include, findings)).orElse(null);
      Map<String, String> headers = new LinkedHashMap<>();
      for (XmlElement header : include.children("http-header")) {
        Optional<String> name = header.attribute("name").filter(n -> n.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+"));
        Optional<String> value = header.attribute("value");
        if (name.isEmpty() || value.isEmpty()) {
          findings.mustBe(header.origin(), "static-files.include.http-header",
              "an element with a header name and a value attribute", "<http-header> without "
                  + (name.isEmpty() ? "a valid name" : "value"));
        } else {
          headers.put(name.get(), value.get());
        }
      }
      path.ifPresent(p -> includes.add(new StaticFiles.Include(Glob.compile(p), expiration, headers)));
    }
    for (XmlElement exclude : e.children("exclude")) {
      path(exclude, "static-files.exclude", findings).ifPresent(p -> excludes.add(Glob.compile(p)));
    }
    if (e.children("include").isEmpty()) {
      includes.addAll(StaticFiles.DEFAULT.includes());
    }
    excludes.addAll(StaticFiles.DEFAULT.excludes());
    return new StaticFiles(publicRoot, includes, excludes);
  }

  private static Optional<String> path(XmlElement e, String field, Findings findings) {
    Optional<String> path = e.attribute("path");
    if (path.isEmpty() || path.get().isBlank()) {
      findings.mustBe(e.origin(), field + "@path", "a path pattern such as **.png or /images/*", "nothing");
      return Optional.empty();
    }
    return path;
  }

  private static Optional<Duration> expiration(String text, XmlElement at, Findings findings) {
    Duration total = Duration.ZERO;
    boolean any = false;
    for (String part : text.trim().split("\\s+")) {
      Matcher m = EXPIRATION.matcher(part);
      if (!m.matches()) {
        findings.mustBe(at.origin(), "static-files.include@expiration", EXPIRATION_ALLOWED,
            '"' + text + '"');
        return Optional.empty();
      }
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofSeconds(n);
      });
      any = true;
    }
    return any ? Optional.of(total) : Optional.empty();
  }

  private static void properties(XmlElement e, Map<String, String> properties, Findings findings) {
    findings.checkChildren(e, "system-properties", List.of("property"), java.util.Set.of(),
        java.util.Set.of(), java.util.Set.of());
    for (XmlElement p : e.children("property")) {
      Optional<String> name = p.attribute("name").filter(n -> !n.isBlank());
      Optional<String> value = p.attribute("value");
      if (name.isEmpty() || value.isEmpty()) {
        findings.mustBe(p.origin(), "system-properties.property", "an element with name and value attributes",
            "<property> without " + (name.isEmpty() ? "name" : "value"));
      } else {
        properties.put(name.get(), value.get());
      }
    }
  }

  private static Optional<WarSettings.ClassLoading> classLoading(XmlElement e, Findings findings) {
    switch (e.text()) {
      case "version":
        return Optional.of(WarSettings.ClassLoading.VERSION);
      case "instance":
        return Optional.of(WarSettings.ClassLoading.INSTANCE);
      default:
        findings.mustBe(e.textOrigin(), "resident.class-loading", "one of version, instance",
            '"' + e.text() + '"');
        return Optional.empty();
    }
  }
}
