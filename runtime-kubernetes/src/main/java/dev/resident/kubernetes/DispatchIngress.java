package dev.resident.kubernetes;

import dev.resident.undertow.cluster.ManifestWriter;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.DispatchRule;
import dev.resident.undertow.config.ScalingType;
import dev.resident.undertow.config.VersionConfig;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackendBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatch rules of an application as one Ingress (R-DIST-3), with the default module's default version
 * as its default backend. An Ingress matches a host exactly or by a {@code *.} wildcard of one label, and a
 * path exactly or by whole path segments, and prefers the longest match where App Engine takes the first rule
 * in order; a rule it cannot express is left out, and each difference is reported.
 */
final class DispatchIngress {

  /** Port of a Knative Service's own Kubernetes Service. */
  static final int KNATIVE_PORT = 80;

  private DispatchIngress() {}

  /** A rule as an Ingress can take it: a host ({@code null} for any) and a path match. */
  private record Match(DispatchRule rule, String host, String path, String pathType) {
    boolean covers(Match later) {
      boolean hosts = host == null || host.equals(later.host)
          || host.startsWith("*.") && later.host != null && later.host.endsWith(host.substring(1));
      boolean paths = pathType.equals("Prefix")
          ? later.path.equals(path) || path.equals("/") || later.path.startsWith(path + "/")
          : later.pathType.equals("Exact") && later.path.equals(path);
      return hosts && paths;
    }
  }

  static Ingress ingress(ApplicationConfig application, ManifestWriter.Options options, List<String> unexpressed) {
    List<Match> matches = new ArrayList<>();
    for (DispatchRule rule : application.dispatch()) {
      Match match = match(rule, unexpressed);
      if (match == null) {
        continue;
      }
      for (Match earlier : matches) {
        if (earlier.covers(match)) {
          unexpressed.add("dispatch rule \"" + rule.url() + "\" -> " + rule.module() + ": App Engine never reaches"
              + " it, since the earlier rule \"" + earlier.rule().url() + "\" matches first; the Ingress prefers the"
              + " longer or more exact match and sends such requests to " + rule.module());
        }
      }
      matches.add(match);
    }
    Map<String, List<HTTPIngressPath>> byHost = new LinkedHashMap<>();
    for (Match match : matches) {
      byHost.computeIfAbsent(match.host(), h -> new ArrayList<>()).add(new HTTPIngressPathBuilder()
          .withPath(match.path()).withPathType(match.pathType())
          .withBackend(backend(application, application.module(match.rule().module()).orElseThrow().defaultVersion()))
          .build());
    }
    List<IngressRule> rules = new ArrayList<>();
    byHost.forEach((host, paths) -> rules.add(new IngressRuleBuilder().withHost(host).withNewHttp()
        .withPaths(paths).endHttp().build()));
    return new IngressBuilder()
        .withNewMetadata().withName(KubernetesNames.app(application.applicationId(), "dispatch"))
        .withNamespace(options.namespace()).withLabels(KubernetesNames.appLabels(application.applicationId()))
        .endMetadata()
        .withNewSpec()
        .withDefaultBackend(backend(application, application.defaultModule().defaultVersion()))
        .withRules(rules)
        .endSpec()
        .build();
  }

  private static IngressBackend backend(ApplicationConfig application, VersionConfig version) {
    int port = version.scalingType() == ScalingType.MANUAL ? KubernetesNames.PORT : KNATIVE_PORT;
    return new IngressBackendBuilder().withNewService().withName(KubernetesNames.of(version))
        .withNewPort().withNumber(port).endPort().endService().build();
  }

  private static Match match(DispatchRule rule, List<String> unexpressed) {
    String url = rule.url();
    int slash = url.indexOf('/');
    String what = "dispatch rule \"" + url + "\" -> " + rule.module();
    if (slash < 0) {
      unexpressed.add(what + ": has no path; left out of the Ingress");
      return null;
    }
    String hostPattern = url.substring(0, slash);
    String pathPattern = url.substring(slash);
    String host;
    if (hostPattern.equals("*")) {
      host = null;
    } else if (hostPattern.startsWith("*.") && hostPattern.indexOf('*', 1) < 0) {
      host = hostPattern;
      unexpressed.add(what + ": the Ingress's host " + hostPattern + " matches one label only, where App Engine's"
          + " also matches deeper subdomains");
    } else if (hostPattern.indexOf('*') < 0) {
      host = hostPattern;
    } else {
      unexpressed.add(what + ": an Ingress host has a wildcard only as a whole first label (*.example.com);"
          + " left out of the Ingress");
      return null;
    }
    int star = pathPattern.indexOf('*');
    if (star < 0) {
      return new Match(rule, host, pathPattern, "Exact");
    }
    if (star != pathPattern.length() - 1) {
      unexpressed.add(what + ": an Ingress path has no wildcard inside it; left out of the Ingress");
      return null;
    }
    String prefix = pathPattern.substring(0, star);
    if (prefix.equals("/")) {
      return new Match(rule, host, "/", "Prefix");
    }
    if (!prefix.endsWith("/")) {
      unexpressed.add(what + ": an Ingress matches a path prefix by whole segments only, so " + pathPattern
          + " cannot be expressed; left out of the Ingress");
      return null;
    }
    String segments = prefix.substring(0, prefix.length() - 1);
    unexpressed.add(what + ": the Ingress's Prefix " + segments + " also matches " + segments
        + " itself, which App Engine's " + pathPattern + " does not");
    return new Match(rule, host, segments, "Prefix");
  }
}
