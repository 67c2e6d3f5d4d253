/**
 * Where a host's time comes from: one {@link dev.resident.undertow.time.HostClock} per host gives the time
 * and runs timed tasks (pending timeouts, deadlines, grace ends, idle timeouts, restart backoff), so tests
 * can move time with {@link dev.resident.undertow.time.VirtualClock} instead of sleeping (R-TEST-3).
 */
package dev.resident.undertow.time;
