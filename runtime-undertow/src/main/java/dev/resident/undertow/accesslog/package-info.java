/**
 * The access log (R-OPS-3): one line per request on the logger {@value
 * dev.resident.undertow.accesslog.AccessLog#LOGGER}, and the bounded list of recent requests the admin API's
 * {@code GET requests} reads.
 */
package dev.resident.undertow.accesslog;
