/**
 * Admission to one instance (R-REQ-1..3): at most {@code max_concurrent_requests} requests at once, the
 * rest in a bounded FIFO pending queue for at most {@code pending_timeout}, failfast, and the reasons a
 * request is turned away. A waiting request holds no thread: it is a queue entry with callbacks.
 */
package dev.resident.undertow.admission;
