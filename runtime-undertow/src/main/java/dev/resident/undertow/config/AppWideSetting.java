package dev.resident.undertow.config;

/**
 * An application-wide value read from one file, such as {@code application} or
 * {@code resident.domain}; every file that gives one must give the same (R-CFG-5).
 *
 * @param field the field path
 * @param value the value
 * @param origin where it is written
 * @param secret whether messages must not show the value (the admin token)
 */
record AppWideSetting(String field, String value, Origin origin, boolean secret) {}
