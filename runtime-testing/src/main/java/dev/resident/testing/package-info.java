/**
 * JUnit 5 support for code that runs on Resident (R-TEST-1..3).
 *
 * <ul>
 *   <li>{@link dev.resident.testing.ResidentTest} starts a real host for a test class or each test method,
 *       on ephemeral ports and virtual time, and injects the host, its {@code ModulesService}, a
 *       {@link dev.resident.testing.ResidentClient} and the {@code VirtualClock}.</li>
 *   <li>{@link dev.resident.testing.ResidentEnvironment} binds a module, version and instance to the test
 *       thread with no HTTP at all, so code that calls {@code LifecycleManager}, {@code ThreadManager} or
 *       {@code ModulesService} runs in a plain unit test, and injects a
 *       {@link dev.resident.testing.BoundEnvironment} that can simulate a shutdown.</li>
 * </ul>
 *
 * <p>Every host, thread and binding lives in JUnit's extension store and is closed with the test: nothing
 * survives it.
 */
package dev.resident.testing;
