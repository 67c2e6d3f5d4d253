package dev.resident.undertow.security;

/**
 * The {@code /_ah/} paths the host answers itself for any caller, each with its own access rule
 * (R-OPS-1..4): {@code /_ah/admin}, {@code /_ah/health} and {@code /_ah/metrics}. Neither the
 * reserved-path check nor a version's access rules stand in their way (a Kubernetes probe must reach
 * the health endpoint of a private backend's instance).
 */
public final class HostEndpoints {

  private HostEndpoints() {}

  /**
   * Tells whether a canonical path is one of the host's endpoints or below one.
   *
   * @param path a canonical path, such as {@code /_ah/health/ready}
   * @return true for the host's endpoints
   */
  public static boolean contains(String path) {
    return under(path, "/_ah/admin") || under(path, "/_ah/health") || under(path, "/_ah/metrics");
  }

  private static boolean under(String path, String prefix) {
    return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
  }
}
