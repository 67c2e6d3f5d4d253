package dev.resident.kubernetes;

import dev.resident.undertow.cluster.ManifestWriter;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ScalingType;
import dev.resident.undertow.config.VersionConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Kubernetes and Knative objects of an application (R-DIST-3), one YAML file each, numbered in the order
 * {@code kubectl apply -f DIR} should meet them: the ServiceAccount, Role, RoleBinding and Secret, then per
 * manual version a headless Service and a StatefulSet, per automatic or basic version a Knative Service, and
 * the Ingress of the dispatch rules. Every object is labelled with the application, and a version's with its
 * module and version.
 *
 * <p>The objects are fabric8's typed model (Knative's as a generic resource), written with fabric8's own
 * serialization, so that what is written is what the API server reads, and the tests read it back into the
 * same types.
 */
public final class KubernetesManifests implements ManifestWriter {

  private final KubernetesSerialization serialization = new KubernetesSerialization();

  /**
   * Returns the objects of an application, in the order they are written.
   *
   * @param application the application
   * @param options the image, namespace and files
   * @param unexpressed receives what the objects cannot express, such as dispatch rules an Ingress cannot match
   * @return the objects
   */
  public List<HasMetadata> objects(ApplicationConfig application, Options options, List<String> unexpressed) {
    String app = application.applicationId();
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(AccessObjects.serviceAccount(application, options));
    objects.add(AccessObjects.role(application, options));
    objects.add(AccessObjects.roleBinding(application, options));
    objects.add(AccessObjects.secret(application, options));
    for (VersionConfig version : application.versions()) {
      if (version.scalingType() == ScalingType.MANUAL) {
        objects.add(ManualVersionObjects.headlessService(app, version, options));
        objects.add(ManualVersionObjects.statefulSet(app, version, options));
      } else {
        objects.add(KnativeServices.service(app, version, options, serialization));
      }
    }
    objects.add(DispatchIngress.ingress(application, options, unexpressed));
    return objects;
  }

  @Override
  public Result write(ApplicationConfig application, Options options, Path directory) throws IOException {
    List<String> unexpressed = new ArrayList<>();
    List<HasMetadata> objects = objects(application, options, unexpressed);
    Files.createDirectories(directory);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      HasMetadata object = objects.get(i);
      Path file = directory.resolve(fileName(i, object));
      Files.writeString(file, serialization.asYaml(object), StandardCharsets.UTF_8);
      files.add(file);
    }
    return new Result(files, unexpressed);
  }

  /**
   * Returns the file name of an object: its place, kind and name, such as {@code 05-statefulset-worker-v1.yaml};
   * a Knative Service is {@code knative-service}.
   *
   * @param index the object's place in {@link #objects}
   * @param object the object
   * @return the file name
   */
  public static String fileName(int index, HasMetadata object) {
    String kind = object.getApiVersion().startsWith("serving.knative.dev/")
        ? "knative-" + object.getKind().toLowerCase(Locale.ROOT)
        : object.getKind().toLowerCase(Locale.ROOT);
    return String.format(Locale.ROOT, "%02d-%s-%s.yaml", index, kind, object.getMetadata().getName());
  }

  /**
   * Returns the YAML of an object as the files hold it.
   *
   * @param object the object
   * @return its YAML
   */
  public String yaml(HasMetadata object) {
    return serialization.asYaml(object);
  }

  /**
   * Returns the serialization the files are written with, to read them back.
   *
   * @return fabric8's serialization
   */
  public KubernetesSerialization serialization() {
    return serialization;
  }
}
