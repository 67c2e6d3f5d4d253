/**
 * Logging plumbing of the launcher: {@link dev.resident.undertow.logging.JulBridge} sends
 * {@code java.util.logging} records (XNIO's and Undertow's, through jboss-logging) to SLF4J, so that a
 * process prints one format (R-OPS-3).
 */
package dev.resident.undertow.logging;
