/**
 * Class loaders of exploded WARs (R-WAR-5): child-first over {@code WEB-INF/classes} and
 * {@code WEB-INF/lib}, one per version or per instance, closed and unreachable once stopped.
 */
package dev.resident.undertow.classloading;
