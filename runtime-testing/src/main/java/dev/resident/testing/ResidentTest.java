package dev.resident.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class (or method) against a real Resident host (R-TEST-1).
 *
 * <p>The host is built from {@link #config()} files and from a static method of the test class annotated
 * {@link ResidentSetup}, listens on ephemeral ports, and by default runs on a {@code VirtualClock} that the
 * test moves (R-TEST-3). Test methods and constructors may declare parameters of type
 * {@code ResidentHost}, {@code ModulesService}, {@link ResidentClient} and {@code VirtualClock}. The host
 * stops gracefully after each test ({@link #perClass()} false, the default) or after the class, and the
 * extension fails the test if any of the host's threads outlive it.
 *
 * <pre>{@code
 * @ResidentTest(config = "app.yaml")
 * class WorkerTest {
 *   @ResidentSetup
 *   static void handlers(ResidentHost.Builder host) {
 *     host.handlers("default", h -> h.servlet("/work", WorkServlet.class));
 *   }
 *
 *   @Test
 *   void works(ResidentClient client) {
 *     assertEquals(200, client.get("/work").statusCode());
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(ResidentExtension.class)
public @interface ResidentTest {

  /**
   * Returns the yaml files: module yaml, {@code backends.yaml}, {@code dispatch.yaml}, the default module's
   * first; or exploded WAR and EAR directories. Each is a class-path resource, or else a path relative to
   * the working directory.
   *
   * @return the files; none by default
   */
  String[] config() default {};

  /**
   * Returns whether the host runs on a {@code VirtualClock}; when false it runs on the system clock.
   *
   * @return true by default
   */
  boolean virtualTime() default true;

  /**
   * Returns whether one host serves every test of the class, instead of a fresh host per test.
   *
   * @return false by default
   */
  boolean perClass() default false;
}
