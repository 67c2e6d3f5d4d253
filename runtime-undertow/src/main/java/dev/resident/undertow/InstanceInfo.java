package dev.resident.undertow;

import dev.resident.undertow.instance.InstanceState;

/**
 * One row of the host's instance table, as the launcher prints it.
 *
 * @param module the module
 * @param version the version
 * @param instance the instance id, or {@code -} for a basic instance that has not run yet
 * @param state the state
 * @param url where the instance (or, for automatic scaling, the version) answers
 */
public record InstanceInfo(String module, String version, String instance, InstanceState state, String url) {}
