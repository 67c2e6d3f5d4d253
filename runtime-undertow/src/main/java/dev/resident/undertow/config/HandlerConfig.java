package dev.resident.undertow.config;

import java.util.Objects;

/**
 * One {@code handlers:} entry of a module yaml file (R-CFG-2).
 *
 * @param url the servlet path pattern, such as {@code /tasks/*}
 * @param kind what serves it
 * @param target the servlet or filter class name, the static directory, or the static file pattern
 * @param upload for {@link Kind#STATIC_FILES}: the regular expression of the files that may be served;
 *     null otherwise
 * @param login who may call it
 */
public record HandlerConfig(String url, Kind kind, String target, String upload, Login login) {

  public HandlerConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(login, "login");
  }

  /** What serves a handler's URLs. */
  public enum Kind {
    /** A servlet class ({@code servlet:}). */
    SERVLET,
    /** A filter class ({@code filter:}). */
    FILTER,
    /** A directory of static files ({@code static_dir:}). */
    STATIC_DIR,
    /** Static files matched by a pattern ({@code static_files:} with {@code upload:}). */
    STATIC_FILES
  }

  /** The {@code login:} of a handler (R-SEC-1). */
  public enum Login {
    /** Anyone. The default. */
    OPTIONAL,
    /** An authenticated principal, from the application's own security setup. */
    REQUIRED,
    /** Internal requests and admin-token requests only. */
    ADMIN
  }
}
