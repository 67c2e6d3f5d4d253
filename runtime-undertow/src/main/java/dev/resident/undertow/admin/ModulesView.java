package dev.resident.undertow.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.resident.api.RuntimeStats;
import dev.resident.undertow.config.ScalingConfig;
import dev.resident.undertow.config.VersionConfig;
import dev.resident.undertow.instance.ApplicationRuntime;
import dev.resident.undertow.instance.Instance;
import dev.resident.undertow.instance.InstanceSlot;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.instance.VersionRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;

/** The JSON of {@code GET modules}: every module, version and instance with its state and figures. */
final class ModulesView {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ApplicationRuntime application;
  private final StartRecords starts;
  private final ThreadPoolExecutor requestPool;
  private final dev.resident.undertow.time.HostClock clock;

  ModulesView(ApplicationRuntime application, StartRecords starts, ThreadPoolExecutor requestPool,
      dev.resident.undertow.time.HostClock clock) {
    this.application = application;
    this.starts = starts;
    this.requestPool = requestPool;
    this.clock = clock;
  }

  ObjectNode render() {
    ObjectNode root = JSON.objectNode();
    root.put("application", application.config().applicationId());
    root.put("time", clock.instant().toString());
    Runtime runtime = Runtime.getRuntime();
    ObjectNode heap = root.putObject("heap");
    heap.put("usedBytes", runtime.totalMemory() - runtime.freeMemory());
    heap.put("maxBytes", runtime.maxMemory());
    ObjectNode pool = root.putObject("requestPool");
    pool.put("threads", requestPool.getPoolSize());
    pool.put("active", requestPool.getActiveCount());
    ArrayNode modules = root.putArray("modules");
    for (String module : application.moduleNames()) {
      ObjectNode m = modules.addObject();
      m.put("name", module);
      ArrayNode versions = m.putArray("versions");
      List<String> names = application.versionNames(module);
      for (String name : names) {
        versions.add(version(application.version(module, name), name.equals(names.get(0))));
      }
    }
    return root;
  }

  private ObjectNode version(VersionRuntime version, boolean isDefault) {
    VersionConfig config = version.config();
    ObjectNode v = JSON.objectNode();
    v.put("name", config.version());
    v.put("default", isDefault);
    v.put("scaling", config.scalingType().yamlName());
    v.put("state", version.state().name());
    v.put("instanceClass", config.instanceClass().name());
    v.put("memoryLimitBytes", config.instanceClass().memoryBytes());
    v.put("maxConcurrentRequests", config.maxConcurrentRequests());
    v.put("port", version.port());
    if (config.scaling() instanceof ScalingConfig.Manual) {
      v.put("numInstances", version.numInstances());
    } else if (config.scaling() instanceof ScalingConfig.Basic basic) {
      v.put("maxInstances", basic.maxInstances());
    } else if (config.scaling() instanceof ScalingConfig.Automatic auto) {
      v.put("maxInstances", auto.maxInstances());
    }
    StartRecords.Counts counts = starts.counts(config);
    v.put("starts", counts.starts());
    v.put("failedStarts", counts.failures());
    ArrayNode instances = v.putArray("instances");
    for (InstanceSlot slot : version.slots()) {
      instances.add(instance(config, slot.id(), slot.port(), slot.current()));
    }
    if (version.slots().isEmpty()) {
      for (Instance instance : version.liveInstances()) {
        instances.add(instance(config, instance.id(), null, instance));
      }
    }
    return v;
  }

  private ObjectNode instance(VersionConfig config, String id, Integer port, Instance instance) {
    ObjectNode i = JSON.objectNode();
    i.put("id", id);
    InstanceState state = instance == null ? InstanceState.STOPPED : instance.state();
    i.put("state", state.name());
    if (port != null) {
      i.put("port", port);
    }
    if (instance != null && state != InstanceState.STOPPED) {
      RuntimeStats stats = instance.stats();
      i.put("uptimeMillis", stats.getUptime().toMillis());
      i.put("requestsTotal", stats.getRequestsTotal());
      i.put("requestsActive", stats.getRequestsActive());
      i.put("requestsPending", stats.getRequestsPending());
      i.put("latencyP50Millis", millis(stats.getLatencyP50()));
      i.put("latencyP99Millis", millis(stats.getLatencyP99()));
      i.put("cpuMillis", millis(stats.getCpuTime()));
      i.put("heapUsedBytes", stats.getHeapUsedBytes());
      i.put("memoryLimitBytes", stats.getMemoryLimitBytes());
      i.put("backgroundThreads", stats.getBackgroundThreads());
      i.put("runawayThreads", stats.getRunawayThreads());
      i.put("deadlinesExceeded", stats.getDeadlinesExceeded());
      ObjectNode rejections = i.putObject("rejections");
      for (Map.Entry<String, Long> r : stats.getRejections().entrySet()) {
        rejections.put(r.getKey(), r.getValue());
      }
    }
    StartRecords.LastStart last = starts.last(config, id);
    if (last != null) {
      ObjectNode l = i.putObject("lastStart");
      l.put("result", last.result());
      l.put("at", last.at().toString());
      if (last.message() != null) {
        l.put("message", last.message());
      }
    }
    return i;
  }

  private static double millis(Duration duration) {
    return Math.round(duration.toNanos() / 1e4) / 100.0;
  }
}
