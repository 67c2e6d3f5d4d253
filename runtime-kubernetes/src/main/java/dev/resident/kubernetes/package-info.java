/**
 * Resident on Kubernetes (R-DIST-2, R-DIST-3): a {@code ModulesService} whose reads and changes go to the
 * cluster's API server ({@link dev.resident.kubernetes.KubernetesModulesProvider}, chosen by the launcher
 * inside a pod), and the Kubernetes and Knative objects of an application
 * ({@link dev.resident.kubernetes.KubernetesManifests}, behind {@code --kubernetes-manifests}). Both name the
 * objects of a version the same way ({@link dev.resident.kubernetes.KubernetesNames}). The only artifact of
 * Resident that depends on a Kubernetes client (fabric8).
 */
package dev.resident.kubernetes;
