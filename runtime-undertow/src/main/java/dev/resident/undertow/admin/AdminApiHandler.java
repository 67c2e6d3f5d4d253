package dev.resident.undertow.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.accesslog.AccessRecord;
import dev.resident.undertow.accesslog.RecentRequests;
import dev.resident.undertow.instance.ApplicationRuntime;
import dev.resident.undertow.instance.Instance;
import dev.resident.undertow.instance.InstanceSlot;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.instance.StopReason;
import dev.resident.undertow.instance.VersionRuntime;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The admin API under {@value #PREFIX} (R-OPS-1). The I/O thread only hands each call to the host's
 * lifecycle threads; state changes use the asynchronous modules service and answer at once: 200 when the
 * change is already done, else 202 with a {@code Location} to poll ({@code GET operations/{id}}).
 */
final class AdminApiHandler implements HttpHandler {

  /** The path prefix of every call. */
  static final String PREFIX = "/_ah/admin/api/";
  /** The custom header that makes a state change a non-simple request, as a JSON content type does. */
  static final String ADMIN_HEADER = "X-Resident-Admin";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpString ADMIN_HEADER_NAME = new HttpString(ADMIN_HEADER);
  private static final int DEFAULT_LIMIT = 100;

  private final ApplicationRuntime application;
  private final ModulesService modules;
  private final ModulesView view;
  private final RecentRequests recent;
  private final AdminOperations operations;
  private final Executor worker;

  AdminApiHandler(ApplicationRuntime application, ModulesService modules, ModulesView view,
      RecentRequests recent, AdminOperations operations, Executor worker) {
    this.application = Objects.requireNonNull(application, "application");
    this.modules = Objects.requireNonNull(modules, "modules");
    this.view = Objects.requireNonNull(view, "view");
    this.recent = recent;
    this.operations = Objects.requireNonNull(operations, "operations");
    this.worker = Objects.requireNonNull(worker, "worker");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    exchange.dispatch(worker, this::serve);
  }

  /** An answer: a status and a JSON body. */
  private record Answer(int status, Object body, String location) {
    static Answer ok(Object body) {
      return new Answer(StatusCodes.OK, body, null);
    }
  }

  /** A bad call: its status and the message of the JSON error. */
  static class ApiError extends RuntimeException {
    final int status;

    ApiError(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  private void serve(HttpServerExchange exchange) {
    Answer answer;
    try {
      answer = route(exchange);
    } catch (MethodNotAllowed e) {
      exchange.getResponseHeaders().put(Headers.ALLOW, e.allowed.toString());
      answer = error(e.status, e.getMessage());
    } catch (ApiError e) {
      answer = error(e.status, e.getMessage());
    } catch (ModulesException e) {
      answer = error(StatusCodes.NOT_FOUND, e.getMessage());
    } catch (RuntimeException e) {
      answer = error(StatusCodes.INTERNAL_SERVER_ERROR, "The call failed: " + e);
    }
    send(exchange, answer);
  }

  private Answer route(HttpServerExchange exchange) {
    String[] parts = exchange.getRelativePath().substring(PREFIX.length()).split("/", -1);
    HttpString method = exchange.getRequestMethod();
    if (parts.length == 1 && parts[0].equals("modules")) {
      requireMethod(method, Methods.GET);
      return Answer.ok(view.render());
    }
    if (parts.length == 1 && parts[0].equals("requests")) {
      requireMethod(method, Methods.GET);
      return Answer.ok(requests(exchange));
    }
    if (parts.length == 2 && parts[0].equals("operations")) {
      requireMethod(method, Methods.GET);
      AdminOperations.Operation operation = operations.find(parts[1]);
      if (operation == null) {
        throw new ApiError(StatusCodes.NOT_FOUND, "Unknown operation " + parts[1] + "; the host keeps the last "
            + AdminOperations.KEPT);
      }
      return Answer.ok(json(operation));
    }
    if (parts.length >= 5 && parts[0].equals("modules") && parts[2].equals("versions")) {
      VersionRuntime version = application.version(parts[1], parts[3]);
      String module = parts[1];
      String name = parts[3];
      if (parts.length == 5 && (parts[4].equals("start") || parts[4].equals("stop"))) {
        requireMethod(method, Methods.POST);
        requireNonSimple(exchange);
        boolean start = parts[4].equals("start");
        return begin(parts[4] + " " + version.config().key(), () -> start
            ? modules.startVersionAsync(module, name) : modules.stopVersionAsync(module, name));
      }
      if (parts.length == 5 && parts[4].equals("instances")) {
        requireMethod(method, Methods.PUT);
        requireNonSimple(exchange);
        int count = count(exchange);
        return begin("set " + version.config().key() + " to " + count + " instances",
            () -> modules.setNumInstancesAsync(module, name, count));
      }
      if (parts.length == 7 && parts[4].equals("instances") && parts[6].equals("shutdown")) {
        requireMethod(method, Methods.POST);
        requireNonSimple(exchange);
        Instance instance = runningInstance(version, parts[5]);
        return begin("shut down " + version.config().key() + "/" + parts[5],
            () -> instance.stop(version.config().settings().shutdownGrace(), StopReason.ADMIN));
      }
    }
    throw new ApiError(StatusCodes.NOT_FOUND, "Unknown admin call " + method + " " + exchange.getRelativePath()
        + "; calls: GET modules, POST modules/{m}/versions/{v}/start|stop, PUT modules/{m}/versions/{v}"
        + "/instances?count=N, POST modules/{m}/versions/{v}/instances/{i}/shutdown, GET requests,"
        + " GET operations/{id}");
  }

  private Answer begin(String action, Supplier<Future<?>> change) {
    Future<?> future;
    try {
      future = change.get();
    } catch (ModulesException e) {
      throw new ApiError(StatusCodes.CONFLICT, e.getMessage());
    }
    CompletableFuture<?> tracked = future instanceof CompletableFuture<?> c
        ? c : CompletableFuture.runAsync(() -> await(future), worker);
    AdminOperations.Operation operation = operations.begin(action, tracked);
    if (operation.done()) {
      return Answer.ok(json(operation));
    }
    return new Answer(StatusCodes.ACCEPTED, json(operation), location(operation));
  }

  private static void await(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new java.util.concurrent.CompletionException(e.getCause());
    }
  }

  private static String location(AdminOperations.Operation operation) {
    return PREFIX + "operations/" + operation.id();
  }

  private static ObjectNode json(AdminOperations.Operation operation) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", operation.id());
    node.put("action", operation.action());
    node.put("state", operation.state());
    node.put("started", operation.started().toString());
    if (operation.ended() != null) {
      node.put("ended", operation.ended().toString());
    }
    String failure = operation.failure();
    if (failure != null) {
      node.put("message", failure);
    }
    node.put("location", location(operation));
    return node;
  }

  private static Instance runningInstance(VersionRuntime version, String id) {
    InstanceSlot slot = version.slot(id);
    Instance instance = slot != null ? slot.current() : version.automaticInstance(id);
    if (slot == null && instance == null) {
      throw new ApiError(StatusCodes.NOT_FOUND, "Unknown instance " + id + " of " + version.config().key()
          + (version.slots().isEmpty() ? "; running instances: " + ids(version.liveInstances())
              : "; instances: 0 to " + (version.slots().size() - 1)));
    }
    if (instance == null || instance.state() == InstanceState.STOPPED) {
      throw new ApiError(StatusCodes.CONFLICT, "Instance " + version.config().key() + "/" + id + " is not running");
    }
    return instance;
  }

  private static List<String> ids(List<Instance> instances) {
    return instances.stream().map(Instance::id).toList();
  }

  private static int count(HttpServerExchange exchange) {
    String text = query(exchange, "count");
    if (text == null) {
      throw new ApiError(StatusCodes.BAD_REQUEST, "PUT instances needs ?count=N, N from 1 to 200");
    }
    try {
      int count = Integer.parseInt(text);
      if (count >= 1 && count <= 200) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ApiError(StatusCodes.BAD_REQUEST, "count must be a number from 1 to 200, found \"" + text + "\"");
  }

  private ObjectNode requests(HttpServerExchange exchange) {
    if (recent == null) {
      throw new ApiError(StatusCodes.NOT_FOUND, "The access log is off on this host, so it keeps no requests");
    }
    String module = query(exchange, "module");
    String version = query(exchange, "version");
    String instance = query(exchange, "instance");
    long since = number(exchange, "since", 0, Long.MAX_VALUE, 0);
    int limit = (int) number(exchange, "limit", 1, recent.capacity(), Math.min(DEFAULT_LIMIT, recent.capacity()));
    Predicate<AccessRecord> filter = r -> r.seq() > since
        && (module == null || module.equals(r.module()))
        && (version == null || version.equals(r.version()))
        && (instance == null || instance.equals(r.instance()));
    ObjectNode root = MAPPER.createObjectNode();
    root.put("capacity", recent.capacity());
    ArrayNode list = root.putArray("requests");
    for (AccessRecord r : recent.newest(filter, limit)) {
      ObjectNode n = list.addObject();
      n.put("seq", r.seq());
      n.put("time", r.time().toString());
      n.put("requestId", r.requestId());
      n.put("module", r.module());
      n.put("version", r.version());
      n.put("instance", r.instance());
      n.put("method", r.method());
      n.put("path", r.path());
      n.put("status", r.status());
      n.put("bytes", r.bytes());
      n.put("pendingMillis", r.pendingMillis());
      n.put("totalMillis", r.totalMillis());
      if (r.rejection() != null) {
        n.put("rejection", r.rejection());
      }
    }
    return root;
  }

  private static long number(HttpServerExchange exchange, String name, long min, long max, long absent) {
    String text = query(exchange, name);
    if (text == null) {
      return absent;
    }
    try {
      long value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ApiError(StatusCodes.BAD_REQUEST, name + " must be a number from " + min + " to " + max
        + ", found \"" + text + "\"");
  }

  private static String query(HttpServerExchange exchange, String name) {
    Deque<String> values = exchange.getQueryParameters().get(name);
    return values == null || values.isEmpty() || values.peekFirst().isEmpty() ? null : values.peekFirst();
  }

  private static void requireMethod(HttpString actual, HttpString expected) {
    if (!expected.equals(actual)) {
      throw new MethodNotAllowed(expected);
    }
  }

  /** A known path with the wrong method: 405 with {@code Allow}. */
  private static final class MethodNotAllowed extends ApiError {
    private final HttpString allowed;

    MethodNotAllowed(HttpString allowed) {
      super(StatusCodes.METHOD_NOT_ALLOWED, "This call takes " + allowed);
      this.allowed = allowed;
    }
  }

  /**
   * A state change must be a request a browser will not send from another site without asking this host
   * first (CORS preflight, which the host never grants): a JSON content type or the custom header.
   */
  private static void requireNonSimple(HttpServerExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    boolean json = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    if (!json && !exchange.getRequestHeaders().contains(ADMIN_HEADER_NAME)) {
      throw new ApiError(StatusCodes.FORBIDDEN, "State changes need Content-Type: application/json or the "
          + ADMIN_HEADER + " header, so that a page elsewhere cannot make them");
    }
  }

  private static Answer error(int status, String message) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("status", status);
    node.put("message", message);
    return new Answer(status, node, null);
  }

  private void send(HttpServerExchange exchange, Answer answer) {
    String body;
    try {
      body = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(answer.body()) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      answer = error(StatusCodes.INTERNAL_SERVER_ERROR, "Cannot write the answer: " + e.getMessage());
      body = "{\"status\":500,\"message\":\"Cannot write the answer\"}\n";
    }
    exchange.setStatusCode(answer.status());
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    if (answer.location() != null) {
      exchange.getResponseHeaders().put(Headers.LOCATION, answer.location());
    }
    exchange.getResponseSender().send(body);
  }

  @Override
  public String toString() {
    return "admin-api(" + PREFIX + ")";
  }
}
