package dev.resident.kubernetes;

import dev.resident.undertow.cluster.ManifestWriter;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ScalingType;
import dev.resident.undertow.config.VersionConfig;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the pods of an application run as and share (R-DIST-3): a ServiceAccount bound to a Role that may only
 * read the application's StatefulSets, patch them and replace their scale by name (and read its Services and
 * Knative Services for counts and host names), and the Secret of internal requests (R-SEC-3) that every pod reads as
 * {@value KubernetesNames#SECRET_ENV}.
 */
final class AccessObjects {

  static final String ACCOUNT = "resident";
  static final String SECRET = "internal";
  private static final SecureRandom RANDOM = new SecureRandom();

  private AccessObjects() {}

  static ServiceAccount serviceAccount(ApplicationConfig application, ManifestWriter.Options options) {
    return new ServiceAccountBuilder().withNewMetadata()
        .withName(KubernetesNames.app(application.applicationId(), ACCOUNT)).withNamespace(options.namespace())
        .withLabels(KubernetesNames.appLabels(application.applicationId())).endMetadata().build();
  }

  static Role role(ApplicationConfig application, ManifestWriter.Options options) {
    List<String> manual = new ArrayList<>();
    List<String> knative = new ArrayList<>();
    for (VersionConfig version : application.versions()) {
      (version.scalingType() == ScalingType.MANUAL ? manual : knative).add(KubernetesNames.of(version));
    }
    List<PolicyRule> rules = new ArrayList<>();
    if (!manual.isEmpty()) {
      rules.add(rule("apps", List.of("statefulsets"), manual, "get", "patch"));
      // fabric8 scales by reading the scale subresource and replacing it (PUT).
      rules.add(rule("apps", List.of("statefulsets/scale"), manual, "get", "update"));
      rules.add(rule("apps", List.of("statefulsets"), List.of(), "list", "watch"));
      rules.add(rule("", List.of("services"), manual, "get"));
    }
    if (!knative.isEmpty()) {
      rules.add(rule("serving.knative.dev", List.of("services"), knative, "get"));
      rules.add(rule("serving.knative.dev", List.of("revisions"), List.of(), "get"));
    }
    return new RoleBuilder().withNewMetadata().withName(KubernetesNames.app(application.applicationId(), ACCOUNT))
        .withNamespace(options.namespace()).withLabels(KubernetesNames.appLabels(application.applicationId()))
        .endMetadata().withRules(rules).build();
  }

  private static PolicyRule rule(String group, List<String> resources, List<String> names, String... verbs) {
    PolicyRuleBuilder rule = new PolicyRuleBuilder().withApiGroups(group).withResources(resources).withVerbs(verbs);
    if (!names.isEmpty()) {
      rule.withResourceNames(names);
    }
    return rule.build();
  }

  static RoleBinding roleBinding(ApplicationConfig application, ManifestWriter.Options options) {
    String name = KubernetesNames.app(application.applicationId(), ACCOUNT);
    return new RoleBindingBuilder().withNewMetadata().withName(name).withNamespace(options.namespace())
        .withLabels(KubernetesNames.appLabels(application.applicationId())).endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(name).endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName(name).withNamespace(options.namespace()).endSubject()
        .build();
  }

  /** A Secret with a new random 256-bit value each time it is made. */
  static Secret secret(ApplicationConfig application, ManifestWriter.Options options) {
    byte[] value = new byte[32];
    RANDOM.nextBytes(value);
    String encoded = Base64.getEncoder().encodeToString(
        HexFormat.of().formatHex(value).getBytes(StandardCharsets.US_ASCII));
    return new SecretBuilder().withNewMetadata().withName(KubernetesNames.app(application.applicationId(), SECRET))
        .withNamespace(options.namespace()).withLabels(KubernetesNames.appLabels(application.applicationId()))
        .endMetadata()
        .withType("Opaque")
        .withData(new TreeMap<>(Map.of(KubernetesNames.SECRET_KEY, encoded)))
        .build();
  }
}
