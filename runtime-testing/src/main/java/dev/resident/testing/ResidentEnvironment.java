package dev.resident.testing;

import dev.resident.undertow.config.ScalingType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Binds a Resident environment to the test thread, with no host and no HTTP (R-TEST-2): code under test
 * that calls {@code LifecycleManager}, {@code ThreadManager}, {@code ModulesService}, {@code Environment}
 * or {@code RuntimeStats} runs as if it were on an instance of the given module, version and instance.
 *
 * <p>A test may declare a {@link BoundEnvironment} parameter to simulate a shutdown, move virtual time, or
 * put a mocked {@code ModulesService} in place. Every test gets a fresh environment; its background
 * threads are interrupted and joined when the test ends.
 *
 * <pre>{@code
 * @ResidentEnvironment(module = "worker", instance = "2")
 * class CheckpointTest {
 *   @Test
 *   void hookCheckpoints(BoundEnvironment environment) {
 *     Store store = new Store();          // calls LifecycleManager.setShutdownHook(...)
 *     environment.shutdown();             // the hook runs; isShuttingDown() is true
 *     assertTrue(store.checkpointed());
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(EnvironmentExtension.class)
public @interface ResidentEnvironment {

  /**
   * Returns the application id.
   *
   * @return {@code app} by default
   */
  String application() default "app";

  /**
   * Returns the module.
   *
   * @return {@code default} by default
   */
  String module() default "default";

  /**
   * Returns the version.
   *
   * @return {@code v1} by default
   */
  String version() default "v1";

  /**
   * Returns the instance id.
   *
   * @return {@code "0"} by default
   */
  String instance() default "0";

  /**
   * Returns the scaling type, which decides whether background threads are allowed.
   *
   * @return manual by default
   */
  ScalingType scaling() default ScalingType.MANUAL;

  /**
   * Returns the number of instances the version has, as {@code ModulesService.getNumInstances} reports.
   *
   * @return 1 by default
   */
  int instances() default 1;

  /**
   * Returns the shutdown grace in milliseconds.
   *
   * @return 30,000 by default
   */
  long shutdownGraceMillis() default 30_000;

  /**
   * Returns the most live background threads.
   *
   * @return 10 by default
   */
  int maxBackgroundThreads() default 10;
}
