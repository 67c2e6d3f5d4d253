package dev.resident.kubernetes;

import dev.resident.api.modules.ModulesException;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Supplier;

/** Turns what the API server answered into a {@link ModulesException} that says it (R-DIST-2). */
final class ClusterErrors {

  private ClusterErrors() {}

  /**
   * Runs a call to the cluster.
   *
   * @param what the call, such as {@code setNumInstances(worker/v1, 3)}, for the message
   * @param call the call
   * @return what it returned
   * @throws ModulesException with the status code and message of the API server, or why it was not reached
   */
  static <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw translate(what, e);
    }
  }

  static ModulesException translate(String what, KubernetesClientException e) {
    if (e.getCode() <= 0) {
      return new ModulesException(what + " failed: the Kubernetes API server could not be reached: "
          + rootMessage(e), e);
    }
    Status status = e.getStatus();
    String reason = status != null && status.getReason() != null ? status.getReason() + ": " : "";
    String message = status != null && status.getMessage() != null ? status.getMessage() : e.getMessage();
    return new ModulesException(what + " failed: the Kubernetes API server answered " + e.getCode() + " "
        + reason + message, e);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
  }
}
