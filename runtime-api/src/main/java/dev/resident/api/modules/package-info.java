/**
 * The Modules API: which modules, versions and instances the application has, how to address them, and how
 * to start, stop and resize them. Shaped like {@code com.google.appengine.api.modules}.
 */
package dev.resident.api.modules;
