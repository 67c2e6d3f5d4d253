package dev.resident.rewrite;

import java.util.Map;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.Recipe;
import org.openrewrite.TreeVisitor;
import org.openrewrite.java.JavaVisitor;
import org.openrewrite.java.JavaTemplate;
import org.openrewrite.java.MethodMatcher;
import org.openrewrite.java.search.UsesMethod;
import org.openrewrite.java.tree.Expression;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;
import org.openrewrite.java.tree.TypeUtils;

/**
 * Rewrites reads of App Engine's environment attributes that Resident's {@code Environment} answers with a
 * getter: {@code env.getAttributes().get("com.google.appengine.instance.id")} becomes
 * {@code env.getInstanceId()}, the backend id becomes {@code getModuleId()} and the request log id
 * {@code getRequestId()}. The key may be the string or {@code BackendService}'s constant; a cast to
 * {@code String} around the read goes with it. Other attributes are left as they are (and no longer compile
 * once the environment is Resident's, which names them for the developer).
 */
public final class EnvironmentAttributesToGetters extends Recipe {

  private static final String BACKEND_SERVICE = "com.google.appengine.api.backends.BackendService";
  private static final MethodMatcher GET_ATTRIBUTES =
      new MethodMatcher("com.google.apphosting.api.ApiProxy$Environment getAttributes()");
  private static final MethodMatcher MAP_GET = new MethodMatcher("java.util.Map get(java.lang.Object)");

  private static final Map<String, String> GETTER_BY_KEY = Map.of(
      "com.google.appengine.instance.id", "getInstanceId",
      "com.google.appengine.backend.id", "getModuleId",
      "com.google.appengine.runtime.request_log_id", "getRequestId");
  private static final Map<String, String> KEY_BY_BACKEND_CONSTANT = Map.of(
      "INSTANCE_ID_ENV_ATTRIBUTE", "com.google.appengine.instance.id",
      "BACKEND_ID_ENV_ATTRIBUTE", "com.google.appengine.backend.id");

  @Override
  public String getDisplayName() {
    return "App Engine environment attributes to Resident Environment getters";
  }

  @Override
  public String getDescription() {
    return "`env.getAttributes().get(key)` for the instance id, backend id and request log id becomes "
        + "`getInstanceId()`, `getModuleId()` and `getRequestId()` of Resident's `Environment`.";
  }

  @Override
  public TreeVisitor<?, ExecutionContext> getVisitor() {
    return Preconditions.check(new UsesMethod<>(GET_ATTRIBUTES), new JavaVisitor<ExecutionContext>() {
      @Override
      public J visitTypeCast(J.TypeCast typeCast, ExecutionContext ctx) {
        boolean unwrap = TypeUtils.isString(typeCast.getClazz().getTree().getType())
            && typeCast.getExpression() instanceof J.MethodInvocation read
            && getter(read) != null;
        J visited = super.visitTypeCast(typeCast, ctx);
        if (unwrap && visited instanceof J.TypeCast cast) {
          return cast.getExpression().withPrefix(cast.getPrefix());
        }
        return visited;
      }

      @Override
      public J visitMethodInvocation(J.MethodInvocation method, ExecutionContext ctx) {
        J visited = super.visitMethodInvocation(method, ctx);
        if (!(visited instanceof J.MethodInvocation m)) {
          return visited;
        }
        String getter = getter(m);
        if (getter == null) {
          return m;
        }
        maybeRemoveImport(BACKEND_SERVICE);
        Expression environment = ((J.MethodInvocation) m.getSelect()).getSelect();
        return JavaTemplate.builder("#{any(dev.resident.api.Environment)}." + getter + "()")
            .javaParser(ResidentApiParser.withRuntimeApi())
            .build()
            .apply(getCursor(), m.getCoordinates().replace(), environment);
      }
    });
  }

  /** The Resident getter that answers {@code read}, or null when it is no attribute read Resident answers. */
  private static String getter(J.MethodInvocation read) {
    if (!MAP_GET.matches(read)
        || !(read.getSelect() instanceof J.MethodInvocation attributes)
        || !GET_ATTRIBUTES.matches(attributes)
        || attributes.getSelect() == null) {
      return null;
    }
    String key = key(read.getArguments().get(0));
    return key == null ? null : GETTER_BY_KEY.get(key);
  }

  private static String key(Expression argument) {
    if (argument instanceof J.Literal literal && literal.getValue() instanceof String text) {
      return text;
    }
    JavaType.Variable field = argument instanceof J.FieldAccess access ? access.getName().getFieldType()
        : argument instanceof J.Identifier identifier ? identifier.getFieldType() : null;
    if (field != null && TypeUtils.isOfClassType(field.getOwner(), BACKEND_SERVICE)) {
      return KEY_BY_BACKEND_CONSTANT.get(field.getName());
    }
    return null;
  }
}
