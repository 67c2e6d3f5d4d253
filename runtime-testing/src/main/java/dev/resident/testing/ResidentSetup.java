package dev.resident.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method of a {@link ResidentTest} class that configures the host in code before it is
 * built: it takes one parameter, a {@code ResidentHost.Builder}, and returns nothing. Ports, clock and JVM
 * shutdown hook are the extension's; the method sets versions, handlers and the rest.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ResidentSetup {}
