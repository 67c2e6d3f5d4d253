/**
 * The backends demo: the four backends of App Engine's {@code backends.yaml} documentation as a running
 * application on Resident. {@code memdb} keeps a key-value store in memory and checkpoints it in its shutdown
 * hook; {@code crawler} polls memdb from background threads; {@code worker} is failfast; {@code cmdline} runs
 * a long job in its start request and stops it cleanly on shutdown. {@link
 * dev.resident.examples.backends.BackendsApp} wires them; {@link dev.resident.examples.backends.BackendsDemo}
 * runs them.
 */
package dev.resident.examples.backends;
