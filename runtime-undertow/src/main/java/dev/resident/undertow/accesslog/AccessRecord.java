package dev.resident.undertow.accesslog;

import java.time.Instant;

/**
 * One finished request as the access log sees it.
 *
 * @param seq its place in the host's sequence of logged requests, from 1
 * @param time when it ended
 * @param requestId its request id
 * @param module the module it was routed to, or {@code -}
 * @param version the version, or {@code -}
 * @param instance the instance that ran it, or {@code -}
 * @param method the HTTP method
 * @param path the request path, without the query
 * @param status the response status
 * @param bytes the response body bytes sent
 * @param pendingMillis how long it waited before it ran (its whole time when it never ran)
 * @param totalMillis its time from arrival to the end of its response
 * @param rejection why it was turned away ({@code X-Resident-Rejected}), or null
 */
public record AccessRecord(
    long seq,
    Instant time,
    String requestId,
    String module,
    String version,
    String instance,
    String method,
    String path,
    int status,
    long bytes,
    double pendingMillis,
    double totalMillis,
    String rejection) {

  /**
   * Returns the log line.
   *
   * @return such as {@code 1f2e… default/v1/0 "GET /hello" 200 12B pending=0.1ms total=1.3ms}
   */
  public String line() {
    return appendLine(new StringBuilder(128)).toString();
  }

  /** Appends the {@linkplain #line() line} to {@code line}, and returns it. */
  StringBuilder appendLine(StringBuilder line) {
    line.append(requestId).append(' ')
        .append(module).append('/').append(version).append('/').append(instance)
        .append(" \"").append(method).append(' ').append(path).append("\" ")
        .append(status).append(' ').append(bytes).append("B pending=");
    tenths(line, pendingMillis).append("ms total=");
    tenths(line, totalMillis).append("ms");
    if (rejection != null) {
      line.append(" rejected=").append(rejection);
    }
    return line;
  }

  /** Appends milliseconds with one decimal, without a formatter per request. */
  private static StringBuilder tenths(StringBuilder line, double ms) {
    long tenths = Math.round(Math.max(0, ms) * 10);
    return line.append(tenths / 10).append('.').append(tenths % 10);
  }
}
