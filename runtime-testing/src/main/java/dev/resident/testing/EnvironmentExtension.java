package dev.resident.testing;

import dev.resident.api.spi.RuntimeBinding;
import dev.resident.undertow.time.VirtualClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link ResidentEnvironment}: binds a fresh environment to the test thread before
 * each test and removes it after, interrupting and joining the threads the test made through the API.
 */
final class EnvironmentExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EnvironmentExtension.class);
  private static final Duration JOIN_BOUND = Duration.ofSeconds(10);

  @Override
  public void beforeEach(ExtensionContext context) {
    ResidentEnvironment settings = settings(context);
    TestContext test = new TestContext(settings, new VirtualClock(), Thread.currentThread());
    RuntimeBinding binding = RuntimeBinding.bind(test.requestView());
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    store.put(TestContext.class, test);
    store.put(RuntimeBinding.class, binding);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    RuntimeBinding binding = store.remove(RuntimeBinding.class, RuntimeBinding.class);
    TestContext test = store.remove(TestContext.class, TestContext.class);
    if (binding != null) {
      binding.close();
    }
    if (test != null) {
      end(test);
    }
  }

  private static void end(TestContext test) {
    test.interruptThreads();
    long deadline = System.nanoTime() + JOIN_BOUND.toNanos();
    for (Thread thread : test.threads()) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0 && thread.getState() != Thread.State.NEW) {
          thread.join(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        throw new AssertionError("Thread " + thread.getName() + " made by the test through ThreadManager"
            + " still runs " + JOIN_BOUND + " after it was interrupted at the end of the test");
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == BoundEnvironment.class || type == VirtualClock.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestContext test = context.getStore(NAMESPACE).get(TestContext.class, TestContext.class);
    if (test == null) {
      throw new ExtensionConfigurationException("The environment is bound per test method; inject "
          + parameter.getParameter().getType().getSimpleName() + " into a test method, not a constructor");
    }
    return parameter.getParameter().getType() == VirtualClock.class ? test.clock() : new BoundEnvironment(test);
  }

  private static ResidentEnvironment settings(ExtensionContext context) {
    Optional<ResidentEnvironment> onMethod = context.getTestMethod()
        .flatMap(method -> AnnotationSupport.findAnnotation(method, ResidentEnvironment.class));
    return onMethod.or(() -> context.getTestClass()
            .flatMap(type -> AnnotationSupport.findAnnotation(type, ResidentEnvironment.class)))
        .orElseThrow(() -> new ExtensionConfigurationException(
            "EnvironmentExtension needs @ResidentEnvironment on the test class or method"));
  }
}
