package dev.resident.examples.backends;

import dev.resident.api.Environment;
import dev.resident.api.LifecycleManager;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The {@code memdb} backend: an in-memory key-value store per instance, {@code GET}, {@code PUT} (or
 * {@code POST}) and {@code DELETE /kv/{key}}; {@code GET} answers the value exactly as it was stored. Its state lives in the instance's memory, as on an App Engine resident backend;
 * the shutdown hook checkpoints it to a file of the instance's own, and the next start request of that
 * instance reloads it, so a graceful restart loses nothing.
 */
public final class MemdbServlet extends HttpServlet {

  private static final String KV = "/kv/";

  private final Path checkpoints;
  private final Consumer<String> events;
  private final Map<String, String> data = new ConcurrentHashMap<>();

  /**
   * @param checkpoints the directory of the instances' checkpoint files
   * @param events where the instance reports its start and checkpoints
   */
  public MemdbServlet(Path checkpoints, Consumer<String> events) {
    this.checkpoints = checkpoints;
    this.events = events;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = Texts.path(request);
    if (path.equals("/_ah/start")) {
      start(response);
      return;
    }
    String key = key(path);
    String value = key == null ? null : data.get(key);
    if (value == null) {
      Texts.send(response, HttpServletResponse.SC_NOT_FOUND, key == null ? "use /kv/{key}" : "no key " + key);
    } else {
      response.setContentType("text/plain; charset=UTF-8");
      response.getWriter().print(value);
    }
  }

  /** The same as {@code PUT}, for clients that send only GET and POST. */
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    doPut(request, response);
  }

  @Override
  protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String key = key(Texts.path(request));
    if (key == null) {
      Texts.send(response, HttpServletResponse.SC_NOT_FOUND, "use /kv/{key}");
      return;
    }
    String value = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    data.put(key, value);
    Texts.send(response, HttpServletResponse.SC_OK, "stored " + key + " on " + where());
  }

  @Override
  protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String key = key(Texts.path(request));
    if (key == null || data.remove(key) == null) {
      Texts.send(response, HttpServletResponse.SC_NOT_FOUND, key == null ? "use /kv/{key}" : "no key " + key);
    } else {
      Texts.send(response, HttpServletResponse.SC_OK, "deleted " + key + " on " + where());
    }
  }

  /** The start request: reload this instance's checkpoint, and register the hook that writes the next one. */
  private void start(HttpServletResponse response) throws IOException {
    Checkpoint checkpoint = new Checkpoint(checkpoints, Environment.current().getInstanceId());
    int loaded = checkpoint.load(data);
    String where = where();
    LifecycleManager.getInstance().setShutdownHook(() -> {
      int saved = checkpoint.save(data);
      events.accept(where + " checkpointed " + keys(saved) + " to " + checkpoint.file());
    });
    String started = where + " started with " + keys(loaded) + " from " + checkpoint.file();
    events.accept(started);
    Texts.send(response, HttpServletResponse.SC_OK, started);
  }

  private static String key(String path) {
    return path.startsWith(KV) && path.length() > KV.length() ? path.substring(KV.length()) : null;
  }

  private static String keys(int count) {
    return count == 1 ? "1 key" : count + " keys";
  }

  private static String where() {
    return "memdb/" + Environment.current().getInstanceId();
  }
}
