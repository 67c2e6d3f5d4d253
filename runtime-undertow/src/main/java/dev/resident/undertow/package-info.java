/**
 * The Resident host: {@link dev.resident.undertow.ResidentHost} runs an application's modules, versions and
 * instances on Undertow inside the calling JVM, and {@link dev.resident.undertow.Main} is its launcher.
 */
package dev.resident.undertow;
