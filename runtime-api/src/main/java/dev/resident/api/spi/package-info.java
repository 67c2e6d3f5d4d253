/**
 * The seam between the API and whatever runs it. A host (the Undertow host, or the test support) binds a
 * {@link dev.resident.api.spi.RuntimeContext} to each thread that runs code of an instance; the API's static
 * calls look it up with {@link dev.resident.api.spi.RuntimeBinding}. Application code does not use this
 * package.
 */
package dev.resident.api.spi;
