/**
 * Servlet deployments: what a module serves (servlets, filters and listeners given in code, or yaml
 * {@code handlers}), turned into one Undertow deployment per instance, with its own
 * {@code ServletContext} and its own servlet objects (R-HOST-1).
 */
package dev.resident.undertow.deployment;
