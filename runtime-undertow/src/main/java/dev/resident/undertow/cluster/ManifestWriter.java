package dev.resident.undertow.cluster;

import dev.resident.undertow.config.ApplicationConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes the cluster objects of an application (R-DIST-3), one file per object. Found with
 * {@link java.util.ServiceLoader}; {@code runtime-kubernetes} provides one. The launcher's
 * {@code --kubernetes-manifests DIR} delegates to it.
 */
public interface ManifestWriter {

  /**
   * Writes every object of the application into a directory.
   *
   * @param application the application
   * @param options the image and namespace
   * @param directory where the files go; made if missing
   * @return the files written and what the objects cannot express
   * @throws IOException if a file cannot be written
   */
  Result write(ApplicationConfig application, Options options, Path directory) throws IOException;

  /**
   * What the manifests are made for.
   *
   * @param image the container image every pod runs; its entry point is the launcher
   *     ({@code java -cp … dev.resident.undertow.Main}) and its working directory holds the files
   * @param namespace the namespace of every object
   * @param files the launcher's FILE arguments inside the image, such as {@code app.yaml}, the default
   *     module's first
   */
  record Options(String image, String namespace, List<String> files) {
    /** The image when none is given. */
    public static final String DEFAULT_IMAGE = "resident-app:latest";
    /** The namespace when none is given. */
    public static final String DEFAULT_NAMESPACE = "default";

    public Options {
      Objects.requireNonNull(image, "image");
      Objects.requireNonNull(namespace, "namespace");
      files = List.copyOf(files);
    }
  }

  /**
   * What was written.
   *
   * @param files the files, in the order written
   * @param unexpressed what the objects cannot express, such as a dispatch rule an Ingress cannot match; each
   *     entry names the rule and why
   */
  record Result(List<Path> files, List<String> unexpressed) {
    public Result {
      files = List.copyOf(files);
      unexpressed = List.copyOf(unexpressed);
    }
  }
}
