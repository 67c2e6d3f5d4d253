package dev.resident.undertow;

import dev.resident.api.RuntimeStats;
import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.api.spi.RequestSigners;
import dev.resident.undertow.cluster.InstanceIdentity;
import dev.resident.undertow.cluster.ModulesView;
import dev.resident.undertow.cluster.SingleInstance;
import dev.resident.undertow.accesslog.AccessLog;
import dev.resident.undertow.accesslog.RecentRequests;
import dev.resident.undertow.admin.AdminAccess;
import dev.resident.undertow.admin.HostOperations;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ConfigException;
import dev.resident.undertow.config.ConfigLoader;
import dev.resident.undertow.config.ConfigProblem;
import dev.resident.undertow.config.ConfigSource;
import dev.resident.undertow.config.ConnectionTimeouts;
import dev.resident.undertow.config.LoadedConfig;
import dev.resident.undertow.config.VersionConfig;
import dev.resident.undertow.deadline.DeadlineTimer;
import dev.resident.undertow.deployment.DeploymentPlan;
import dev.resident.undertow.descriptor.AppLayout;
import dev.resident.undertow.descriptor.War;
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
import dev.resident.undertow.security.Authenticator;
import dev.resident.undertow.security.InternalSecret;
import dev.resident.undertow.security.RequestSignatures;
import dev.resident.undertow.security.SecurityPlan;
import dev.resident.undertow.time.HostClock;
import dev.resident.undertow.time.SystemClock;
import dev.resident.undertow.trust.InternalRequests;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.Servlets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
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
  /** How much longer than the first stop's own bound a second stop waits for it. */
  private static final Duration STOP_MARGIN = Duration.ofSeconds(10);
  /** How long a request thread beyond the pool's base lives without work. */
  private static final Duration REQUEST_THREAD_KEEP_ALIVE = Duration.ofSeconds(30);
  /** How often the request pool checks, while requests are queued for a thread, that it is not stuck. */
  private static final Duration REQUEST_POOL_CHECK_PERIOD = Duration.ofMillis(10);
  /** How long the oldest request queued for a thread waits before a thread is added. */
  private static final Duration REQUEST_POOL_MAX_WAIT = Duration.ofMillis(100);

  private final AppLayout layout;
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
  /** The one instance this host runs (R-DIST-1), or null for every instance of the application. */
  private final SingleInstance single;
  private final Function<ApplicationConfig, ModulesView> modulesViews;
  /** The modules view of a one-instance host, opened by {@link #start()} and closed by {@link #stop()}. */
  private ModulesView modulesView;
  private final ConnectionTimeouts connectionTimeouts;
  private final SecurityPlan security;
  private final InternalSecret internalSecret;
  private final boolean accessLog;
  private final Path accessLogFile;

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
  private RequestSignatures signatures;
  private RequestSigners.Registration signerRegistration;
  private PortListeners.Listener httpsListener;
  /** The access log with its writer thread, or null when off. */
  private AccessLog accessLogs;
  /** Completes when the first stop, or a failed start, has given everything back; null before. */
  private CompletableFuture<Void> stopped;
  private Thread stopper;

  private enum State { NEW, STARTED, STOPPED }

  private ResidentHost(Builder builder, LoadedConfig loaded, AppLayout layout, SecurityPlan security) {
    this.layout = layout;
    this.security = security;
    this.internalSecret = security.internalSecret();
    this.single = builder.instance == null ? null : SingleInstance.resolve(loaded.application(), builder.instance);
    this.modulesViews = builder.modulesView;
    this.config = single == null ? loaded.application() : single.narrowed();
    this.warnings = loaded.warnings();
    this.handlers = Map.copyOf(builder.handlers);
    this.address = builder.address;
    this.requestedPort = builder.port;
    this.clock = builder.clock != null ? builder.clock : HostClock.system();
    this.ownsClock = builder.clock == null;
    this.classLoader = builder.classLoader;
    this.baseDirectory = builder.baseDirectory;
    this.stopOnJvmShutdown = builder.stopOnJvmShutdown;
    ConnectionTimeouts files = loaded.connectionTimeouts();
    this.connectionTimeouts = new ConnectionTimeouts(
        builder.requestParseTimeout != null ? builder.requestParseTimeout : files.requestParseTimeout(),
        builder.connectionIdleTimeout != null ? builder.connectionIdleTimeout : files.idleTimeout());
    this.accessLog = builder.accessLog;
    this.accessLogFile = builder.accessLogFile;
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
   * <p>When it fails (a port is busy, a handler class cannot be loaded), everything it had opened or
   * started is given back before the first cause is thrown: ports, threads, pools and the host's own clock
   * (R-REL-4). The host is stopped then; {@link #stop()} and {@link #close()} do nothing.
   *
   * @throws IllegalStateException if the host was started before
   * @throws IllegalArgumentException if a handler class named in yaml or a WAR's web.xml cannot be loaded;
   *     nothing is opened then
   * @throws java.io.UncheckedIOException if a port cannot be bound, naming the address and port
   */
  public void start() {
    synchronized (lock) {
      if (state != State.NEW) {
        throw new IllegalStateException("A host starts once; this one is " + state.name().toLowerCase());
      }
      // Plans first: a class that cannot be loaded fails start() before any port or thread is opened.
      Map<VersionConfig, DeploymentPlan> plans = new IdentityHashMap<>();
      config.versions().forEach(version -> plans.put(version, plan(version)));
      if (single != null) {
        modulesView = modulesViews.apply(single.application());
      }
      state = State.STARTED;
      try {
        assemble(plans);
      } catch (RuntimeException e) {
        throw failedStart(e, false);
      } catch (Error e) {
        throw failedStart(e, false);
      }
      LOG.info("Resident host of {} listening on {}:{}{}; internal requests signed with a secret {}",
          config.applicationId(), address, mainListener.port(),
          httpsListener == null ? "" : ", HTTPS on " + httpsListener.port(),
          internalSecret.source().startsWith("random") ? internalSecret.source() : "from " + internalSecret.source());
    }
    if (single != null) {
      LOG.info("Resident host of {} runs only {} (R-DIST-1)", config.applicationId(), single);
      single.notes().forEach(LOG::warn);
    }
    try {
      application.start().get(START_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failedStart(new IllegalStateException("Interrupted while starting instances", e), true);
    } catch (ExecutionException e) {
      throw failedStart(e.getCause() instanceof RuntimeException cause ? cause
          : new IllegalStateException("Instances did not start: " + e.getCause(), e.getCause()), true);
    } catch (TimeoutException e) {
      throw failedStart(new IllegalStateException("Instances did not start within " + START_BOUND, e), true);
    } catch (RuntimeException e) {
      throw failedStart(e, true);
    } catch (Error e) {
      throw failedStart(e, true);
    }
  }

  /** Makes the host's parts and opens its ports; called once, holding the lock. */
  private void assemble(Map<VersionConfig, DeploymentPlan> plans) {
    int maxHeader = config.versions().stream().mapToInt(v -> v.settings().maxHeaderBytes()).max().orElse(8192);
    listeners = new PortListeners(address, PortListeners.defaultIoThreads(),
        Math.max(64 * 1024, maxHeader * 8), connectionTimeouts.requestParseTimeout(),
        connectionTimeouts.idleTimeout());
    requestExecutor = requestPool(listeners.worker().getIoThread());
    lifecycleExecutor = NamedThreads.growingPool("resident-lifecycle-");
    signatures = new RequestSignatures(internalSecret, clock, RequestSignatures.DEFAULT_CAPACITY);
    InternalRequests internal = new InternalRequests(signatures, address, listeners.worker(), listeners.buffers());
    signerRegistration = RequestSigners.register(signatures);
    RequestIds ids = new RequestIds();
    liveness = new HostLiveness();
    accessLogs = accessLog
        ? new AccessLog(clock, new RecentRequests(AccessLog.DEFAULT_CAPACITY), accessLogFile) : null;
    AccessLog log = accessLogs;
    PortChains ports = new PortChains(internal, ids, clock, requestExecutor, security, liveness, log);
    services = new HostServices(config.applicationId(), config.domain(), clock, requestExecutor,
        lifecycleExecutor, Servlets.newContainer(), listeners, internal, ids, ports, new DeadlineTimer(clock));
    application = single == null
        ? new ApplicationRuntime(config, services, plans::get)
        : new ApplicationRuntime(config, services, plans::get, single::runsSlot, modulesView::of);
    operations = new HostOperations(application, clock, lifecycleExecutor, (RequestPool) requestExecutor,
        AdminAccess.of(config.adminToken()), log);
    application.open();
    HttpHandler main = single == null ? ports.mainPort(application, operations::mainPort) : singlePort(ports);
    mainListener = listeners.open(requestedPort, main);
    if (security.httpsPort() != null) {
      httpsListener = listeners.openTls(security.httpsPort(), main, security.tls(clock));
      security.httpsBound(httpsListener.port());
    }
    if (stopOnJvmShutdown) {
      jvmShutdownHook = new Thread(this::stopFromJvm, "resident-jvm-shutdown");
      Runtime.getRuntime().addShutdownHook(jvmShutdownHook);
    }
  }

  /**
   * Gives back what a failed {@link #start()} took and returns its cause to throw, with any failure of the
   * clean-up added as suppressed. When a {@link #stop()} began meanwhile, waits for it instead.
   */
  private <T extends Throwable> T failedStart(T cause, boolean instancesStarted) {
    LOG.error("Resident host of {} failed to start ({}); giving back what it took", config.applicationId(),
        cause.toString());
    CompletableFuture<Void> first = beginStop();
    if (first != null) {
      awaitFirstStop(first);
      return cause;
    }
    try {
      release(instancesStarted).forEach(cause::addSuppressed);
    } finally {
      stopped.complete(null);
    }
    return cause;
  }

  /** The main port of a host that runs one instance: that instance's chain, or its version's on automatic. */
  private HttpHandler singlePort(PortChains ports) {
    VersionRuntime version = application.version(single.version().module(), single.version().version());
    return single.instanceId() == null
        ? ports.versionPort(version)
        : ports.instancePort(version.slot(single.instanceId()));
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
    Optional<War> war = layout == null ? Optional.empty() : layout.war(version.source());
    if (war.isPresent()) {
      return DeploymentPlan.ofWar(version.key(), classLoader, code == null ? new ModuleHandlers() : code,
          war.get(), version.envVariables());
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
   * thread of the host. Returns when done. A call while another stop runs (a second {@code close()}, the
   * JVM's shutdown hook) waits for that one to finish, at most for its grace and a margin; a call after
   * the host stopped, or after {@link #start()} failed, does nothing (R-REL-4).
   */
  public void stop() {
    CompletableFuture<Void> first = beginStop();
    if (first != null) {
      awaitFirstStop(first);
      return;
    }
    try {
      liveness.stopping();
      LOG.info("Resident host of {} stopping", config.applicationId());
      for (Throwable failure : release(true)) {
        LOG.warn("Stopping the Resident host of {}", config.applicationId(), failure);
      }
      LOG.info("Resident host of {} stopped", config.applicationId());
    } finally {
      stopped.complete(null);
    }
  }

  /**
   * Marks the host stopped. Returns null when the caller is the first and must give everything back
   * (then completes {@link #stopped} when done); otherwise the first stop's completion, already complete
   * for a host that never started.
   */
  private CompletableFuture<Void> beginStop() {
    synchronized (lock) {
      if (stopped != null) {
        return stopped;
      }
      stopped = new CompletableFuture<>();
      stopper = Thread.currentThread();
      if (state == State.STARTED) {
        state = State.STOPPED;
        return null;
      }
      state = State.STOPPED;
      closeClock();
      closeModulesView();
      stopped.complete(null);
      return stopped;
    }
  }

  private void awaitFirstStop(CompletableFuture<Void> first) {
    if (first.isDone() || Thread.currentThread() == stopper) {
      return;
    }
    Duration bound = stopBound().plus(STOP_MARGIN);
    try {
      first.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("The first stop of the Resident host of {} did not finish within {}", config.applicationId(), bound);
    }
  }

  /** How long a stop waits for the instances: the longest shutdown grace, and ten seconds. */
  private Duration stopBound() {
    return config.versions().stream().map(v -> v.settings().shutdownGrace())
        .max(Duration::compareTo).orElse(Duration.ZERO).plusSeconds(10);
  }

  /**
   * Gives back everything the host made, each step tried whatever the others did: the instances stopped
   * gracefully (when they were started), ports, the XNIO worker, both pools, the clock it owns, the JVM
   * shutdown hook.
   *
   * @return the failures of the steps, none when all went well
   */
  private List<Throwable> release(boolean stopInstances) {
    List<Throwable> failures = new ArrayList<>();
    ApplicationRuntime running = application;
    if (stopInstances && running != null) {
      Duration bound = stopBound();
      attempt(failures, () -> {
        try {
          running.stop().get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
          LOG.warn("Instances did not all stop within {}", bound, e);
        }
      });
    }
    if (running != null) {
      attempt(failures, running::close);
    }
    if (operations != null) {
      attempt(failures, operations::close);
    }
    if (accessLogs != null) {
      attempt(failures, accessLogs::close);
    }
    if (mainListener != null) {
      attempt(failures, mainListener::close);
    }
    if (httpsListener != null) {
      attempt(failures, httpsListener::close);
    }
    if (signerRegistration != null) {
      attempt(failures, signerRegistration::close);
    }
    attempt(failures, this::closeModulesView);
    if (listeners != null) {
      attempt(failures, listeners::close);
    }
    if (requestExecutor != null) {
      attempt(failures, requestExecutor::shutdownNow);
    }
    if (lifecycleExecutor != null) {
      attempt(failures, lifecycleExecutor::shutdownNow);
    }
    attempt(failures, this::closeClock);
    attempt(failures, this::removeJvmShutdownHook);
    return failures;
  }

  private static void attempt(List<Throwable> failures, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException | Error e) {
      failures.add(e);
    }
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

  private void closeModulesView() {
    ModulesView view;
    synchronized (lock) {
      view = modulesView;
      modulesView = null;
    }
    if (view != null) {
      view.close();
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
   * default ones, and it has no current instance. A host that runs one instance (R-DIST-1) gives the service
   * its instance's code gets, the {@link Builder#modulesView modules view}'s.
   *
   * @return the modules service
   * @throws IllegalStateException if the host runs one instance and that instance does not run now
   */
  public ModulesService modulesService() {
    if (single != null) {
      List<Instance> live = started().application.versions().get(0).liveInstances();
      if (live.isEmpty()) {
        throw new IllegalStateException("The modules service of a one-instance host is its instance's, and "
            + single + " does not run now");
      }
      return dev.resident.undertow.instance.HostModules.ofInstance(live.get(0));
    }
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
   * Signs one request as internal to this application (R-SEC-3), as
   * {@link dev.resident.api.InternalRequests#sign(String, URI)} does from the host's own threads: the
   * value of {@code X-Resident-Signature}, good for one request within five minutes. With it, {@code /_ah/}
   * paths, private modules and {@code login: admin} handlers may be called, and {@code X-AppEngine-*}
   * headers (such as {@code X-AppEngine-TaskName}, which gives a request the task deadline) reach user
   * code.
   *
   * @param method the request's method
   * @param uri the absolute URI it is sent to, such as {@code http://127.0.0.1:8080/tasks/run}
   * @return the header's value
   */
  public String signInternalRequest(String method, URI uri) {
    return started().signatures.sign(method.toUpperCase(Locale.ROOT), uri);
  }

  /**
   * Returns the port of the HTTPS listener ({@code resident.https_port}).
   *
   * @return the bound port
   * @throws IllegalStateException if the host is not started or has no HTTPS listener
   */
  public int httpsPort() {
    PortListeners.Listener https = started().httpsListener;
    if (https == null) {
      throw new IllegalStateException("The host has no HTTPS listener: resident.https_port is not set");
    }
    return https.port();
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
   * Returns how long the host waits on clients' connections: the builder's settings, else the
   * application-wide {@code resident.request_parse_timeout} and {@code resident.idle_timeout}.
   *
   * @return the timeouts every port uses
   */
  public ConnectionTimeouts connectionTimeouts() {
    return connectionTimeouts;
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
    private final List<Path> directories = new ArrayList<>();
    private final List<VersionConfig> versions = new ArrayList<>();
    private final Map<String, ModuleHandlers> handlers = new LinkedHashMap<>();
    private String address = "127.0.0.1";
    private int port = 8080;
    private HostClock clock;
    private ClassLoader classLoader = ResidentHost.class.getClassLoader();
    private Path baseDirectory = Path.of("").toAbsolutePath();
    private boolean stopOnJvmShutdown = true;
    private InstanceIdentity instance;
    private Function<ApplicationConfig, ModulesView> modulesView = ModulesView::standalone;
    private Duration requestParseTimeout;
    private Duration connectionIdleTimeout;
    private Authenticator authenticator;
    private boolean accessLog = true;
    private Path accessLogFile;

    private Builder() {}

    /**
     * Makes the host run one instance of the application only, on the main port, as one process of a
     * cluster does (R-DIST-1); default every instance. Its lifecycle, admission and deadlines are those of a
     * full host; its instance code's modules service is the {@link #modulesView modules view}'s.
     *
     * @param instance the instance, with its id (manual; basic defaults to 0) or without (automatic)
     * @return this builder
     */
    public Builder instance(InstanceIdentity instance) {
      this.instance = Objects.requireNonNull(instance, "instance");
      return this;
    }

    /**
     * Sets who signs callers in for {@code login: required} and {@code login: admin} handlers (R-SEC-1),
     * in place of {@code resident.authenticator}; default none.
     *
     * @param authenticator the authenticator, called on I/O threads for every request: it must not block
     * @return this builder
     */
    public Builder authenticator(Authenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
      return this;
    }

    /**
     * Sets what the code of a host that runs one instance gets as its modules service; default
     * {@link ModulesView#standalone}, which refuses every change. The host closes the view when it stops.
     *
     * @param view makes the view from the whole application, such as the Kubernetes one
     * @return this builder
     */
    public Builder modulesView(Function<ApplicationConfig, ModulesView> view) {
      this.modulesView = Objects.requireNonNull(view, "view");
      return this;
    }

    /**
     * Adds yaml files: module yaml, {@code backends.yaml}, {@code dispatch.yaml}, the default module's first;
     * and exploded WAR directories ({@code WEB-INF/appengine-web.xml}) and EAR directories
     * ({@code META-INF/application.xml}), read when the host is built (R-WAR-1).
     *
     * @param files the files and directories
     * @return this builder
     */
    public Builder config(Path... files) {
      for (Path file : files) {
        if (AppLayout.isDirectory(file)) {
          directories.add(file);
        } else {
          sources.add(ConfigSource.of(file));
        }
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
     * Sets how long a client may take to send a request's line and headers, counted from its first
     * unfinished read; then its connection is closed (R-SEC-4). Overrides
     * {@code resident.request_parse_timeout}; default 30 s. Real time, not the host's clock.
     *
     * @param timeout from 1 ms to 24 h
     * @return this builder
     */
    public Builder requestParseTimeout(Duration timeout) {
      this.requestParseTimeout = ConnectionTimeouts.check("requestParseTimeout", timeout);
      return this;
    }

    /**
     * Sets how long a connection may stay open with no request on it (before its first request, between
     * keep-alive requests); then it is closed (R-SEC-4). A request that waits or runs is not idle.
     * Overrides {@code resident.idle_timeout}; default 5 min. Real time, not the host's clock.
     *
     * @param timeout from 1 ms to 24 h
     * @return this builder
     */
    public Builder connectionIdleTimeout(Duration timeout) {
      this.connectionIdleTimeout = ConnectionTimeouts.check("connectionIdleTimeout", timeout);
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
     * Writes the access lines to {@code file} instead of the logger {@code dev.resident.access}: appended
     * (the file is created if missing), each after its time in UTC, buffered and written at most 10 ms after
     * the request, one write per batch. A line then costs a fraction of a logging event. Turns the access log
     * on; a file that cannot be opened fails {@link ResidentHost#start()}. Default: none, the logger.
     *
     * @param file the file
     * @return this builder
     */
    public Builder accessLogFile(Path file) {
      this.accessLogFile = Objects.requireNonNull(file, "file");
      this.accessLog = true;
      return this;
    }

    /**
     * Loads and checks the configuration and makes the host; nothing listens until {@link #start()}.
     *
     * @return the host
     * @throws ConfigException with every problem of every file, each naming file, line and column
     * @throws IllegalArgumentException if the {@link #instance instance} is not one of the application's
     */
    public ResidentHost build() {
      AppLayout layout = directories.isEmpty() ? null : AppLayout.read(directories);
      LoadedConfig loaded =
          layout == null ? ConfigLoader.load(sources, versions) : layout.load(sources, versions);
      SecurityPlan security =
          SecurityPlan.of(loaded.application(), authenticator, classLoader, baseDirectory, System.getenv());
      return new ResidentHost(this, loaded, layout, security);
    }
  }
}
