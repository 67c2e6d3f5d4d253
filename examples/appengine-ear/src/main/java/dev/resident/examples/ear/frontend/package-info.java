/** The default module of the EAR example: servlets declared in its WAR's web.xml. */
package dev.resident.examples.ear.frontend;
