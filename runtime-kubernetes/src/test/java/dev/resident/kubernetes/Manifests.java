package dev.resident.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads manifest files back with fabric8's serialization, into its typed model. */
final class Manifests {

  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final Map<String, HasMetadata> byFile = new LinkedHashMap<>();

  private Manifests() {}

  static Manifests read(Path directory) {
    Manifests manifests = new Manifests();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          manifests.byFile.put(file.getFileName().toString(), SERIALIZATION.unmarshal(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return manifests;
  }

  Map<String, HasMetadata> byFile() {
    return byFile;
  }

  List<HasMetadata> all() {
    return List.copyOf(byFile.values());
  }

  <T extends HasMetadata> T get(Class<T> type, String name) {
    return byFile.values().stream().filter(type::isInstance).map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name)
            && !(o instanceof GenericKubernetesResource g && !g.getApiVersion().startsWith("serving.knative.dev/")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name + " in " + byFile.keySet()));
  }

  static Map<String, String> env(Container container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var : container.getEnv()) {
      env.put(var.getName(), var.getValue() != null ? var.getValue()
          : "secret:" + var.getValueFrom().getSecretKeyRef().getName() + "/" + var.getValueFrom().getSecretKeyRef().getKey());
    }
    return env;
  }

  /** A Knative Service's container, converted from its generic form into the typed one. */
  static Container knativeContainer(GenericKubernetesResource service) {
    return SERIALIZATION.convertValue(((List<?>) knativeTemplateSpec(service).get("containers")).get(0), Container.class);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> knativeTemplateSpec(GenericKubernetesResource service) {
    Map<String, Object> spec = (Map<String, Object>) service.getAdditionalProperties().get("spec");
    return (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> knativeAnnotations(GenericKubernetesResource service) {
    Map<String, Object> spec = (Map<String, Object>) service.getAdditionalProperties().get("spec");
    Map<String, Object> metadata = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("metadata");
    return (Map<String, String>) metadata.get("annotations");
  }
}
