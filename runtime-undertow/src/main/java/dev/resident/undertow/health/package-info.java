/**
 * Health probes (R-OPS-4): {@code /_ah/health/live} and {@code /_ah/health/ready} on every port, answered
 * by the host ahead of routing and admission, open to every client, with a small JSON body.
 */
package dev.resident.undertow.health;
