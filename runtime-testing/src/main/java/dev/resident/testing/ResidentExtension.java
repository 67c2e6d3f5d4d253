package dev.resident.testing;

import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.time.VirtualClock;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The extension behind {@link ResidentTest}: starts the host in the test's (or class's) extension store,
 * resolves parameters from it, and lets the store close it.
 */
final class ResidentExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ResidentExtension.class);
  private static final String KEY = "host";

  @Override
  public void beforeAll(ExtensionContext context) {
    if (settings(context).perClass()) {
      host(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    host(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ResidentHost.class || type == ModulesService.class || type == ResidentClient.class
        || type == VirtualClock.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RunningHost running = host(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == ResidentHost.class) {
      return running.host();
    }
    if (type == ModulesService.class) {
      return running.host().modulesService();
    }
    if (type == ResidentClient.class) {
      return running.client();
    }
    if (running.clock() == null) {
      throw new ParameterResolutionException(
          "A VirtualClock parameter needs @ResidentTest(virtualTime = true); this host runs on the system clock");
    }
    return running.clock();
  }

  /** The running host of this test: made once per scope and kept in the scope's store. */
  private RunningHost host(ExtensionContext context) {
    ResidentTest settings = settings(context);
    ExtensionContext scope = scope(context, settings);
    return scope.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, key -> start(scope, settings), RunningHost.class);
  }

  private static ExtensionContext scope(ExtensionContext context, ResidentTest settings) {
    if (settings.perClass() || context.getTestMethod().isEmpty()) {
      ExtensionContext scope = context;
      while (scope.getTestMethod().isPresent() && scope.getParent().isPresent()) {
        scope = scope.getParent().get();
      }
      return scope;
    }
    return context;
  }

  private static ResidentTest settings(ExtensionContext context) {
    Optional<ResidentTest> onMethod = context.getTestMethod()
        .flatMap(method -> AnnotationSupport.findAnnotation(method, ResidentTest.class));
    return onMethod.or(() -> context.getTestClass()
            .flatMap(type -> AnnotationSupport.findAnnotation(type, ResidentTest.class)))
        .orElseThrow(() -> new ExtensionConfigurationException(
            "ResidentExtension needs @ResidentTest on the test class or method"));
  }

  private static RunningHost start(ExtensionContext scope, ResidentTest settings) {
    Class<?> testClass = scope.getRequiredTestClass();
    return RunningHost.start(testClass, settings, setupMethods(testClass));
  }

  private static List<Method> setupMethods(Class<?> testClass) {
    List<Method> methods = AnnotationSupport.findAnnotatedMethods(
        testClass, ResidentSetup.class, HierarchyTraversalMode.TOP_DOWN);
    for (Method method : methods) {
      if (!Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 1
          || method.getParameterTypes()[0] != ResidentHost.Builder.class) {
        throw new ExtensionConfigurationException("@ResidentSetup method " + method.getName()
            + " must be static and take one ResidentHost.Builder parameter");
      }
    }
    return methods;
  }

  static void invokeSetup(Method method, ResidentHost.Builder builder) {
    ReflectionSupport.invokeMethod(method, null, builder);
  }
}
