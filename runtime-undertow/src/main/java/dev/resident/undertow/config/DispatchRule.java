package dev.resident.undertow.config;

import java.util.Objects;

/**
 * One rule of {@code dispatch.yaml} (R-CFG-4).
 *
 * @param url the pattern as written, {@code host/path} with {@code *} wildcards, such as
 *     {@code "*}{@code /mobile/*"}
 * @param module the module that serves matching requests
 */
public record DispatchRule(String url, String module) {
  public DispatchRule {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(module, "module");
  }
}
