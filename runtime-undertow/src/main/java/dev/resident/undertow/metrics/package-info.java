/**
 * Metrics (R-OPS-3): {@link dev.resident.undertow.metrics.ResidentMetrics}, a Micrometer {@code MeterBinder}
 * of every instance's counters, and {@code /_ah/metrics} in the Prometheus text format. Micrometer is an
 * optional dependency: only {@code ResidentMetrics} and {@code PrometheusScrape} refer to it, and the host
 * loads them only when it is on the classpath.
 */
package dev.resident.undertow.metrics;
