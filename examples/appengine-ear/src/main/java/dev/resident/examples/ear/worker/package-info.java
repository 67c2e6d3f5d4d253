/** {@code my-module} of the EAR example: five manual instances, servlets declared in its WAR's web.xml. */
package dev.resident.examples.ear.worker;
