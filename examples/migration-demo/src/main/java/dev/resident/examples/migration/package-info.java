/**
 * The migration demo: {@link dev.resident.examples.migration.TallyServlet}, a resident backend servlet written
 * for App Engine's Java 8 runtime against {@code com.google.appengine.api.LifecycleManager},
 * {@code ThreadManager} and {@code modules.ModulesService}, ported to Resident by changing its imports and
 * nothing else.
 */
package dev.resident.examples.migration;
