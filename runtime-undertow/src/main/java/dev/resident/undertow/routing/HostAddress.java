package dev.resident.undertow.routing;

/**
 * What a Host header addresses below the configured domain (R-HOST-3): a module, a version of it, or one
 * instance of that version. The names are the configured ones; the instance is as the header gave it, in
 * lower case, and may not exist (the host answers 404 for it, R-HOST-4).
 *
 * @param instance the instance id, such as {@code 1}; null for any instance of the version
 * @param version the version name; null for the module's default version
 * @param module the module name; null for the default module
 */
public record HostAddress(String instance, String version, String module) {}
