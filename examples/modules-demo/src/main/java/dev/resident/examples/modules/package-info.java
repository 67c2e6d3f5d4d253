/**
 * The modules demo: App Engine's modules example ({@code simple-sample}) on Resident. The default module
 * serves web requests, {@code mobile-frontend} keeps two idle instances for mobile requests that
 * {@code dispatch.yaml} sends it, and {@code my-module} is one resident instance that builds a large table in
 * memory when it starts and answers from it. The servlets are named in the yaml files' {@code handlers}.
 */
package dev.resident.examples.modules;
