package dev.resident.undertow.config;

/**
 * A value read from a file and where it was written.
 *
 * @param value the value
 * @param origin where
 * @param <T> the value type
 */
record Located<T>(T value, Origin origin) {}
