/**
 * The configuration model of an application and its loading from App Engine's yaml formats: module yaml
 * files, {@code backends.yaml} and {@code dispatch.yaml}, plus Resident's own {@code resident:} block.
 *
 * <p>The model is immutable records with App Engine's defaults applied. Loading reports every problem of
 * every file at once, each naming file, line, column and field. {@link
 * dev.resident.undertow.config.ConfigLoader} is the entry point.
 */
package dev.resident.undertow.config;
