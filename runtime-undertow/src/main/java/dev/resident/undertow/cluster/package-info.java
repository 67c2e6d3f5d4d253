/**
 * Beyond one machine (R-DIST-1..3): the identity of a process that runs one instance
 * ({@link dev.resident.undertow.cluster.InstanceIdentity}), the narrowing of an application to that instance
 * ({@link dev.resident.undertow.cluster.SingleInstance}), the process environment such a process needs
 * ({@link dev.resident.undertow.cluster.ProcessEnvironment}), and the two service-loader seams a cluster
 * artifact such as {@code runtime-kubernetes} fills: {@link dev.resident.undertow.cluster.ModulesServiceProvider}
 * and {@link dev.resident.undertow.cluster.ManifestWriter}. Nothing here depends on a cluster client.
 */
package dev.resident.undertow.cluster;
