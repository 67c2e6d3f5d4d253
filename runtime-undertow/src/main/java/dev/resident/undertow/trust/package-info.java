/**
 * Which requests are internal: the host's own requests ({@code /_ah/start}) are signed as the
 * application's own are ({@code dev.resident.api.InternalRequests}), and the signature is verified and
 * stripped before any user code runs (R-LIFE-3, R-REQ-8, R-SEC-3).
 */
package dev.resident.undertow.trust;
