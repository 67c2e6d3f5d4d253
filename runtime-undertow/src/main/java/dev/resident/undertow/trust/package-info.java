/**
 * Which requests are internal: the host's own requests ({@code /_ah/start}) carry a per-host secret in a
 * header, verified and stripped before any user code runs (R-LIFE-3, R-REQ-8, R-SEC-3).
 */
package dev.resident.undertow.trust;
