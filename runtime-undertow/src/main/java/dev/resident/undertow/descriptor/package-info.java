/**
 * App Engine's Java layouts (R-CFG-7, R-WAR-1..6): exploded WAR and EAR directories found among the
 * inputs ({@link dev.resident.undertow.descriptor.AppLayout}), every descriptor parsed safely
 * ({@link dev.resident.undertow.descriptor.SafeXml}), web.xml and annotations read into a
 * {@link dev.resident.undertow.descriptor.WebApp}, and the WAR-only settings of appengine-web.xml. The
 * parts of appengine-web.xml that the yaml model has are read by the config package, with the yaml rules.
 */
package dev.resident.undertow.descriptor;
