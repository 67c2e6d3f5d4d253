package dev.resident.rewrite;

import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.Recipe;
import org.openrewrite.TreeVisitor;
import org.openrewrite.java.JavaIsoVisitor;
import org.openrewrite.java.JavaTemplate;
import org.openrewrite.java.MethodMatcher;
import org.openrewrite.java.search.UsesMethod;
import org.openrewrite.java.tree.J;

/**
 * Rewrites the calls of App Engine's {@code BackendService} whose {@code ModulesService} counterpart differs in
 * arguments or result: {@code getCurrentInstance()} (an {@code int}) becomes
 * {@code Integer.parseInt(getCurrentInstanceId())}, {@code getBackendAddress(b)} becomes
 * {@code getVersionHostname(b, null)} and {@code getBackendAddress(b, i)} becomes
 * {@code getInstanceHostname(b, null, String.valueOf(i))}. The type itself is changed by
 * {@code dev.resident.AppEngineApisToResident}, after this recipe.
 */
public final class BackendServiceToModulesService extends Recipe {

  private static final String BACKEND_SERVICE = "com.google.appengine.api.backends.BackendService";
  private static final String MODULES_SERVICE = "dev.resident.api.modules.ModulesService";
  private static final MethodMatcher CURRENT_INSTANCE = new MethodMatcher(BACKEND_SERVICE + " getCurrentInstance()");
  private static final MethodMatcher VERSION_ADDRESS =
      new MethodMatcher(BACKEND_SERVICE + " getBackendAddress(java.lang.String)");
  private static final MethodMatcher INSTANCE_ADDRESS =
      new MethodMatcher(BACKEND_SERVICE + " getBackendAddress(java.lang.String, int)");

  @Override
  public String getDisplayName() {
    return "App Engine BackendService calls to ModulesService calls";
  }

  @Override
  public String getDescription() {
    return "Backends are modules: `getCurrentInstance()`, `getBackendAddress(b)` and `getBackendAddress(b, i)` "
        + "become the `ModulesService` calls that answer the same question.";
  }

  @Override
  public TreeVisitor<?, ExecutionContext> getVisitor() {
    return Preconditions.check(new UsesMethod<>(BACKEND_SERVICE + " *(..)"), new JavaIsoVisitor<ExecutionContext>() {
      @Override
      public J.MethodInvocation visitMethodInvocation(J.MethodInvocation method, ExecutionContext ctx) {
        J.MethodInvocation m = super.visitMethodInvocation(method, ctx);
        if (m.getSelect() == null) {
          return m;
        }
        if (CURRENT_INSTANCE.matches(m)) {
          return replace(m, "Integer.parseInt(#{any(" + MODULES_SERVICE + ")}.getCurrentInstanceId())",
              m.getSelect());
        }
        if (VERSION_ADDRESS.matches(m)) {
          return replace(m, "#{any(" + MODULES_SERVICE + ")}.getVersionHostname(#{any(java.lang.String)}, null)",
              m.getSelect(), m.getArguments().get(0));
        }
        if (INSTANCE_ADDRESS.matches(m)) {
          return replace(m, "#{any(" + MODULES_SERVICE + ")}.getInstanceHostname(#{any(java.lang.String)}, null, "
              + "String.valueOf(#{any(int)}))", m.getSelect(), m.getArguments().get(0), m.getArguments().get(1));
        }
        return m;
      }

      private J.MethodInvocation replace(J.MethodInvocation m, String code, Object... parameters) {
        return JavaTemplate.builder(code)
            .javaParser(ResidentApiParser.withRuntimeApi())
            .build()
            .apply(getCursor(), m.getCoordinates().replace(), parameters);
      }
    });
  }
}
