package dev.resident.undertow;

import dev.resident.api.RuntimeStats;
import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.accesslog.AccessLog;
import dev.resident.undertow.accesslog.RecentRequests;
import dev.resident.undertow.admin.AdminAccess;
import dev.resident.undertow.admin.HostOperations;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ConfigException;
import dev.resident.undertow.config.ConfigLoader;
import dev.resident.undertow.config.ConfigProblem;
import dev.resident.undertow.config.ConfigSource;
import dev.resident.undertow.config.LoadedConfig;
import dev.resident.undertow.config.VersionConfig;
import dev.resident.undertow.deadline.DeadlineTimer;
import dev.resident.undertow.deployment.DeploymentPlan;
import dev.resident.undertow.deployment.ModuleHandlers;
import dev.resident.undertow.health.HostLiveness;
import dev.resident.undertow.instance.ApplicationRuntime;
import dev.resident.undertow.instance.HostServices;
import dev.resident.undertow.instance.Instance;
import dev.resident.undertow.instance.InstanceSlot;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.instance.RequestIds;
import dev.resident.undertow.instance.RequestPool;
import dev.resident.undertow.instance.VersionRuntime;
import dev.resident.undertow.listen.PortListeners;
import dev.resident.undertow.time.HostClock;
import dev.resident.undertow.time.SystemClock;
import dev.resident.undertow.trust.InternalRequests;
import io.undertow.servlet.Servlets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.XnioIoThread;

/**
 * Runs an application's modules, versions and instances on Undertow in this JVM (R-HOST-1).
 *
 * <pre>{@code
 * try (ResidentHost host = ResidentHost.builder()
 *     .config(Path.of("app.yaml"), Path.of("backends.yaml"))
 *     .handlers("default", h -> h.servlet("/hello", HelloServlet.class))
 *     .port(8080)
 *     .build()) {
 *   host.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>Each instance is its own servlet deployment with its own {@code ServletContext} and servlet objects;
 * static fields are shared by every instance in the JVM. {@link #stop()} stops every instance gracefully
 * (R-LIFE-5); so does SIGTERM or SIGINT to the JVM unless turned off.
 */
public final class ResidentHost implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ResidentHost.class);
  private static final Duration START_BOUND = Duration.ofMinutes(10);
  /** How long a request thread beyond the pool's base lives without work. */
  private static final Duration REQUEST_THREAD_KEEP_ALIVE = Duration.ofSeconds(30);
  /** How often the request pool checks, while requests are queued for a thread, that it is not stuck. */
  private static final Duration REQUEST_POOL_CHECK_PERIOD = Duration.ofMillis(10);
  /** How long the oldest request queued for a thread waits before a thread is added. */
  private static final Duration REQUEST_POOL_MAX_WAIT = Duration.ofMillis(100);

  private final ApplicationConfig config;
  private final List<ConfigProblem> warnings;
  private final Map<String, ModuleHandlers> handlers;
  private final String address;
  private final int requestedPort;
  private final HostClock clock;
  private final boolean ownsClock;
  private final ClassLoader classLoader;
  private final Path baseDirectory;
  private final boolean stopOnJvmShutdown;
  private final boolean accessLog;

  private final Object lock = new Object();
  private State state = State.NEW;
  private ExecutorService requestExecutor;
  private ExecutorService lifecycleExecutor;
  private PortListeners listeners;
  private PortListeners.Listener mainListener;
  private ApplicationRuntime application;
  private HostServices services;
  private HostLiveness liveness;
  private HostOperations operations;
  private Thread jvmShutdownHook;

  private enum State { NEW, STARTED, STOPPED }

  private ResidentHost(Builder builder, LoadedConfig loaded) {
    this.config = loaded.application();
    this.warnings = loaded.warnings();
    this.handlers = Map.copyOf(builder.handlers);
    this.address = builder.address;
    this.requestedPort = builder.port;
    this.clock = builder.clock != null ? builder.clock : HostClock.system();
    this.ownsClock = builder.clock == null;
    this.classLoader = builder.classLoader;
    this.baseDirectory = builder.baseDirectory;
    this.stopOnJvmShutdown = builder.stopOnJvmShutdown;
    this.accessLog = builder.accessLog;
  }

  /**
   * Returns a new builder.
   *
   * @return a builder with the defaults: address {@code 127.0.0.1}, port 8080, the system clock
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens the ports, deploys every manual instance and sends each its start request; returns once every
   * start request has been sent (not answered). Basic instances start on their first request.
   *
   * @throws IllegalStateException if the host was started before
   * @throws IllegalArgumentException if a handler class named in yaml cannot be loaded
   */
  public void start() {
    synchronized (lock) {
      if (state != State.NEW) {
        throw new IllegalStateException("A host starts once; this one is " + state.name().toLowerCase());
      }
      state = State.STARTED;
      int maxHeader = config.versions().stream().mapToInt(v -> v.settings().maxHeaderBytes()).max().orElse(8192);
      listeners = new PortListeners(address, Math.max(2, Runtime.getRuntime().availableProcessors()),
          Math.max(64 * 1024, maxHeader * 8));
      requestExecutor = requestPool(listeners.worker().getIoThread());
      lifecycleExecutor = NamedThreads.growingPool("resident-lifecycle-");
      InternalRequests internal = new InternalRequests(address, listeners.worker(), listeners.buffers());
      RequestIds ids = new RequestIds();
      liveness = new HostLiveness();
      AccessLog log = accessLog ? new AccessLog(clock, new RecentRequests(AccessLog.DEFAULT_CAPACITY)) : null;
      PortChains ports = new PortChains(internal, ids, clock, requestExecutor, liveness, log);
      services = new HostServices(config.applicationId(), config.domain(), clock, requestExecutor,
          lifecycleExecutor, Servlets.newContainer(), listeners, internal, ids, ports, new DeadlineTimer(clock));
      application = new ApplicationRuntime(config, services, this::plan);
      operations = new HostOperations(application, clock, lifecycleExecutor, (RequestPool) requestExecutor,
          AdminAccess.of(config.adminToken()), log);
      application.open();
      mainListener = listeners.open(requestedPort, ports.mainPort(application, operations::mainPort));
      if (stopOnJvmShutdown) {
        jvmShutdownHook = new Thread(this::stopFromJvm, "resident-jvm-shutdown");
        Runtime.getRuntime().addShutdownHook(jvmShutdownHook);
      }
    }
    LOG.info("Resident host of {} listening on {}:{}", config.applicationId(), address, port());
    try {
      application.start().get(START_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting instances", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Instances did not start within " + START_BOUND, e);
    }
  }

  /** The request threads; their stall checks run on one I/O thread's timer, in real time. */
  private static RequestPool requestPool(XnioIoThread checkThread) {
    return new RequestPool("resident-request-", RequestPool.defaultBaseThreads(), REQUEST_THREAD_KEEP_ALIVE,
        REQUEST_POOL_CHECK_PERIOD, REQUEST_POOL_MAX_WAIT,
        (delay, check) -> checkThread.executeAfter(check, delay.toNanos(), TimeUnit.NANOSECONDS));
  }

  private DeploymentPlan plan(VersionConfig version) {
    ModuleHandlers code = handlers.get(version.module());
    if (code == null && isBackend(version)) {
      code = handlers.get(ApplicationConfig.DEFAULT_MODULE);
    }
    return DeploymentPlan.of(version.key(), classLoader, code == null ? new ModuleHandlers() : code,
        version.handlers(), baseDirectory, version.envVariables());
  }

  private static boolean isBackend(VersionConfig version) {
    String source = Path.of(version.source()).getFileName().toString();
    return source.equals("backends.yaml") || source.equals("backends.yml");
  }

  /**
   * Stops every instance gracefully, each with its shutdown grace (R-LIFE-5), then closes every port and
   * thread of the host. Returns when done; a second call does nothing.
   */
  public void stop() {
    ApplicationRuntime running;
    synchronized (lock) {
      if (state != State.STARTED) {
        state = State.STOPPED;
        closeClock();
        return;
      }
      state = State.STOPPED;
      running = application;
    }
    liveness.stopping();
    LOG.info("Resident host of {} stopping", config.applicationId());
    Duration bound = config.versions().stream().map(v -> v.settings().shutdownGrace())
        .max(Duration::compareTo).orElse(Duration.ZERO).plusSeconds(10);
    try {
      running.stop().get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Instances did not all stop within {}", bound, e);
    }
    running.close();
    operations.close();
    mainListener.close();
    listeners.close();
    requestExecutor.shutdownNow();
    lifecycleExecutor.shutdownNow();
    closeClock();
    removeJvmShutdownHook();
    LOG.info("Resident host of {} stopped", config.applicationId());
  }

  private void stopFromJvm() {
    LOG.info("JVM shutdown: stopping the Resident host gracefully");
    jvmShutdownHook = null;
    stop();
  }

  private void removeJvmShutdownHook() {
    Thread hook = jvmShutdownHook;
    if (hook != null && Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException jvmAlreadyStopping) {
        // The JVM is shutting down; the hook runs or has run.
      }
    }
  }

  private void closeClock() {
    if (ownsClock && clock instanceof SystemClock system) {
      system.close();
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /**
   * Returns the main port.
   *
   * @return the bound port, useful when 0 was asked for
   * @throws IllegalStateException if the host is not started
   */
  public int port() {
    return started().mainListener.port();
  }

  /**
   * Returns the address the host listens on.
   *
   * @return such as {@code 127.0.0.1}
   */
  public String address() {
    return address;
  }

  /**
   * Returns the port of a module version.
   *
   * @param module the module
   * @param version the version, or null for the default version
   * @return the version's own port
   * @throws ModulesException if the module or version is unknown
   */
  public int versionPort(String module, String version) {
    return started().application.version(module, version).port();
  }

  /**
   * Returns the port of a manual or basic instance; it stays the same across restarts of the instance.
   *
   * @param module the module
   * @param version the version, or null for the default version
   * @param instance the instance id, such as {@code "0"}
   * @return the instance's own port
   * @throws ModulesException if the module, version or instance is unknown
   */
  public int instancePort(String module, String version, String instance) {
    return slot(module, version, instance).port();
  }

  /**
   * Returns the state of a manual or basic instance.
   *
   * @param module the module
   * @param version the version, or null for the default version
   * @param instance the instance id
   * @return its state; {@link InstanceState#STOPPED} when no instance runs in that place
   */
  public InstanceState instanceState(String module, String version, String instance) {
    Instance current = slot(module, version, instance).current();
    return current == null ? InstanceState.STOPPED : current.state();
  }

  /**
   * Returns the figures of an instance that runs.
   *
   * @param module the module
   * @param version the version, or null for the default version
   * @param instance the instance id: {@code "0"}, … or an automatic instance's hexadecimal id
   * @return a snapshot of its figures
   * @throws ModulesException if no instance runs there
   */
  public RuntimeStats stats(String module, String version, String instance) {
    VersionRuntime found = started().application.version(module, version);
    Instance current = found.slot(instance) != null ? found.slot(instance).current() : found.automaticInstance(instance);
    if (current == null) {
      throw new ModulesException("No instance runs at " + found.config().key() + "/" + instance);
    }
    return current.stats();
  }

  /**
   * Returns what the host offers its operators: the records behind the admin API, the console and
   * metrics ({@code ResidentMetrics.of(host)} binds Micrometer to them).
   *
   * @return the host's operations
   * @throws IllegalStateException if the host is not started
   */
  public HostOperations operations() {
    return started().operations;
  }

  /**
   * Returns a modules service seen from outside any instance: its current module and version are the
   * default ones, and it has no current instance.
   *
   * @return the modules service
   */
  public ModulesService modulesService() {
    return dev.resident.undertow.instance.HostModules.of(started().application);
  }

  /**
   * Returns every instance with its state and URL, in module order.
   *
   * @return the instance table
   */
  public List<InstanceInfo> instances() {
    ApplicationRuntime app = started().application;
    List<InstanceInfo> rows = new ArrayList<>();
    for (VersionRuntime version : app.versions()) {
      VersionConfig v = version.config();
      for (InstanceSlot slot : version.slots()) {
        Instance current = slot.current();
        rows.add(new InstanceInfo(v.module(), v.version(), slot.id(),
            current == null ? InstanceState.STOPPED : current.state(), url(slot.port())));
      }
      if (version.slots().isEmpty()) {
        List<Instance> live = version.liveInstances();
        for (Instance instance : live) {
          rows.add(new InstanceInfo(v.module(), v.version(), instance.id(), instance.state(), url(version.port())));
        }
        if (live.isEmpty()) {
          rows.add(new InstanceInfo(v.module(), v.version(), "-", InstanceState.STOPPED, url(version.port())));
        }
      }
    }
    return rows;
  }

  /**
   * Returns the header that marks a request as internal to this host, as App Engine marks requests from
   * the application itself and from its task queues (R-SEC-3): with it, {@code /_ah/} paths may be
   * called and {@code X-AppEngine-*} headers (such as {@code X-AppEngine-TaskName}, which gives a
   * request the task deadline) reach user code. Keep it secret; it is random per host.
   *
   * @return the header name and value
   */
  public Map<String, String> internalRequestHeader() {
    return started().services.internalRequests().header();
  }

  /**
   * Returns the application's configuration.
   *
   * @return the configuration the host runs
   */
  public ApplicationConfig config() {
    return config;
  }

  /**
   * Returns the warnings of the configuration: keys App Engine accepts and Resident ignores.
   *
   * @return the warnings, possibly none
   */
  public List<ConfigProblem> warnings() {
    return warnings;
  }

  /**
   * Returns the host's clock.
   *
   * @return the clock every timing of the host comes from
   */
  public HostClock clock() {
    return clock;
  }

  private String url(int port) {
    return url(address, port);
  }

  /** The URL of a port on an address: {@code 0.0.0.0} reads as {@code localhost}, IPv6 is bracketed. */
  static String url(String address, int port) {
    String host = address.equals("0.0.0.0") ? "localhost" : address.contains(":") ? "[" + address + "]" : address;
    return "http://" + host + ":" + port + "/";
  }

  private InstanceSlot slot(String module, String version, String instance) {
    VersionRuntime found = started().application.version(module, version);
    InstanceSlot slot = found.slot(instance);
    if (slot == null) {
      throw new ModulesException("Unknown instance " + instance + " of " + found.config().key()
          + "; instances: 0 to " + (found.slots().size() - 1));
    }
    return slot;
  }

  private ResidentHost started() {
    synchronized (lock) {
      if (state != State.STARTED) {
        throw new IllegalStateException("The host is " + state.name().toLowerCase() + ", not started");
      }
      return this;
    }
  }

  @Override
  public String toString() {
    return "resident-host(" + config.applicationId() + ", " + address + ":" + requestedPort + ")";
  }

  /** Configures a {@link ResidentHost}; each setting is checked when set. */
  public static final class Builder {
    private final List<ConfigSource> sources = new ArrayList<>();
    private final List<VersionConfig> versions = new ArrayList<>();
    private final Map<String, ModuleHandlers> handlers = new LinkedHashMap<>();
    private String address = "127.0.0.1";
    private int port = 8080;
    private HostClock clock;
    private ClassLoader classLoader = ResidentHost.class.getClassLoader();
    private Path baseDirectory = Path.of("").toAbsolutePath();
    private boolean stopOnJvmShutdown = true;
    private boolean accessLog = true;

    private Builder() {}

    /**
     * Adds yaml files: module yaml, {@code backends.yaml}, {@code dispatch.yaml}; the default module's first.
     *
     * @param files the files
     * @return this builder
     */
    public Builder config(Path... files) {
      for (Path file : files) {
        sources.add(ConfigSource.of(file));
      }
      return this;
    }

    /**
     * Adds yaml text, named as a file in messages.
     *
     * @param name the name errors give, such as {@code app.yaml}
     * @param yaml the yaml text
     * @return this builder
     */
    public Builder config(String name, String yaml) {
      sources.add(new ConfigSource(name, yaml));
      return this;
    }

    /**
     * Adds a module version configured in code.
     *
     * @param version the version, from {@link VersionBuilder}
     * @return this builder
     */
    public Builder version(VersionConfig version) {
      versions.add(Objects.requireNonNull(version, "version"));
      return this;
    }

    /**
     * Gives a module's servlets, filters and listeners in code. Backends without handlers of their own
     * share the default module's.
     *
     * @param module the module
     * @param configure adds the handlers
     * @return this builder
     */
    public Builder handlers(String module, Consumer<ModuleHandlers> configure) {
      configure.accept(handlers.computeIfAbsent(module, m -> new ModuleHandlers()));
      return this;
    }

    /**
     * Sets the address every port binds to; default {@code 127.0.0.1}.
     *
     * @param address an IP address or host name, {@code 0.0.0.0} for every interface
     * @return this builder
     */
    public Builder address(String address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Sets the main port; default 8080.
     *
     * @param port 0 (ephemeral) to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be from 0 to 65535, found " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the clock and scheduler of every timing; default the system clock.
     *
     * @param clock the clock, such as a {@code VirtualClock} in tests
     * @return this builder
     */
    public Builder clock(HostClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the class loader of yaml handler classes and deployments; default Resident's own.
     *
     * @param classLoader the class loader
     * @return this builder
     */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /**
     * Sets the directory {@code static_dir} and {@code static_files} are relative to; default the working
     * directory.
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder baseDirectory(Path directory) {
      this.baseDirectory = directory.toAbsolutePath();
      return this;
    }

    /**
     * Sets whether SIGTERM and SIGINT to the JVM stop the host gracefully; default true.
     *
     * @param stop whether to stop the host on JVM shutdown
     * @return this builder
     */
    public Builder stopOnJvmShutdown(boolean stop) {
      this.stopOnJvmShutdown = stop;
      return this;
    }

    /**
     * Sets whether the host keeps an access log: a line per request on the logger {@code dev.resident.access}
     * and the recent requests of the admin API; default true. Off, requests skip it entirely.
     *
     * @param on whether to log requests
     * @return this builder
     */
    public Builder accessLog(boolean on) {
      this.accessLog = on;
      return this;
    }

    /**
     * Loads and checks the configuration and makes the host; nothing listens until {@link #start()}.
     *
     * @return the host
     * @throws ConfigException with every problem of every file, each naming file, line and column
     */
    public ResidentHost build() {
      return new ResidentHost(this, ConfigLoader.load(sources, versions));
    }
  }
}
