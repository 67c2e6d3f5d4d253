/**
 * Which module a request on the main port goes to (R-CFG-4, R-HOST-3, R-HOST-4): compiled
 * {@code dispatch.yaml} patterns and their ordered table, and the reading of Host headers such as
 * {@code 1.v1.worker.example.com} or {@code 1-dot-v1-dot-worker.example.com} into an instance, version and
 * module.
 *
 * <p>Everything here is pure and immutable: no Undertow, no I/O, safe to share between threads. Matching a
 * request allocates nothing beyond what the caller hands in.
 */
package dev.resident.undertow.routing;
