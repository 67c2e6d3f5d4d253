package dev.resident.undertow.instance;

import dev.resident.api.LifecycleManager;
import dev.resident.api.RuntimeStats;
import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.admission.AdmissionQueue;
import dev.resident.undertow.admission.PendingRequest;
import dev.resident.undertow.admission.Rejection;
import dev.resident.undertow.config.ResidentSettings;
import dev.resident.undertow.config.ScalingType;
import dev.resident.undertow.config.VersionConfig;
import dev.resident.undertow.deadline.DeadlineListener;
import dev.resident.undertow.deadline.DeadlineTimer;
import dev.resident.undertow.deadline.RequestGuard;
import dev.resident.undertow.deployment.InstanceDeployment;
import dev.resident.undertow.time.HostClock;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import dev.resident.api.spi.RuntimeBinding;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * One run of one instance, from deployment to {@link InstanceState#STOPPED} (R-MOD-5, R-LIFE-1, R-LIFE-2,
 * R-LIFE-5, R-LIFE-6). A restarted instance is a new {@code Instance} in the same {@link InstanceSlot}.
 */
public final class Instance {

  private static final Logger LOG = LoggerFactory.getLogger(Instance.class);

  private final VersionRuntime version;
  private final String id;
  private final InstanceSlot slot;
  private final int run;
  private final HostServices host;
  private final AdmissionQueue admission;
  private final InstanceLifecycle lifecycle = new InstanceLifecycle(this);
  private final BackgroundThreads background;
  private final InstanceStats stats = new InstanceStats();
  private final InstanceCounters counters;
  private final DeadlineListener deadlineListener = new DeadlineListener() {
    @Override
    public void deadlineExceeded() {
      stats.deadlineExceeded();
    }

    @Override
    public void runawayStarted() {
      stats.runawayStarted();
    }

    @Override
    public void runawayEnded() {
      stats.runawayEnded();
    }
  };
  private final ModulesService modulesService;
  /** Deadline lanes: of request deadlines (null for none), of task deadlines (null for none), of the grace. */
  private final DeadlineTimer.Lane requestDeadlines;
  private final DeadlineTimer.Lane taskDeadlines;
  private final DeadlineTimer.Lane deadlineGraces;
  private final Set<Thread> requestThreads = ConcurrentHashMap.newKeySet();
  private final AtomicLong interrupts = new AtomicLong();
  private final Set<HttpServerExchange> inFlight = ConcurrentHashMap.newKeySet();
  private final CompletableFuture<InstanceDeployment> deployed = new CompletableFuture<>();
  private final CompletableFuture<Boolean> started = new CompletableFuture<>();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final AtomicBoolean finishing = new AtomicBoolean();
  private final long createdNanos;
  private volatile long lastActivityNanos;
  private volatile InstanceState state = InstanceState.STARTING;
  private volatile boolean hookDone;
  private boolean startRequestTaken;
  private StopReason stopReason;
  private HostClock.Cancellable graceTimer;
  private HostClock.Cancellable idleCheck;

  Instance(VersionRuntime version, String id, InstanceSlot slot, int run) {
    this.version = version;
    this.id = id;
    this.slot = slot;
    this.run = run;
    this.host = version.host();
    VersionConfig config = version.config();
    ResidentSettings settings = config.settings();
    this.admission = new AdmissionQueue(
        config.maxConcurrentRequests(), settings.maxPendingRequests(), settings.pendingTimeout(), host.clock());
    this.background = new BackgroundThreads(threadNamePrefix() + "bg-", settings.maxBackgroundThreads(),
        runnable -> stats.counted(ThreadContext.background(this, host.requestIds().next()).wrap(runnable)),
        this::checkDrained);
    this.modulesService = new LocalModulesService(version.application(), this);
    this.requestDeadlines = lane(settings.requestDeadline());
    this.taskDeadlines = lane(settings.taskDeadline());
    this.deadlineGraces = host.deadlines().lane(settings.deadlineGrace());
    this.createdNanos = host.clock().nanoTime();
    this.lastActivityNanos = createdNanos;
    this.counters = new InstanceCounters(this, stats, admission, background, host.clock(), createdNanos);
  }

  private DeadlineTimer.Lane lane(Duration deadline) {
    return deadline == null ? null : host.deadlines().lane(deadline);
  }

  /**
   * Deploys the instance, then sends its start request (manual, basic) or serves at once (automatic).
   *
   * @return completes once the start request has been sent, or the instance serves or failed
   */
  CompletableFuture<Void> start() {
    version.application().listeners().instanceStarting(this);
    CompletableFuture<Void> sent = new CompletableFuture<>();
    try {
      host.lifecycleExecutor().execute(() -> {
        try {
          deploy();
        } finally {
          sent.complete(null);
        }
      });
    } catch (RejectedExecutionException e) {
      deployed.completeExceptionally(e);
      sent.complete(null);
      startFailed("the host is stopping");
    }
    return sent;
  }

  private void deploy() {
    InstanceDeployment deployment;
    try {
      deployment = withContext(() -> version.plan().deploy(host.container(), deploymentName()));
    } catch (Exception | LinkageError e) {
      LOG.error("{} failed to deploy", this, e);
      deployed.completeExceptionally(e);
      startFailed("its deployment failed: " + e);
      return;
    }
    deployed.complete(deployment);
    if (state != InstanceState.STARTING) {
      checkDrained();
      return;
    }
    if (version.config().scalingType() == ScalingType.AUTOMATIC) {
      becomeServing();
      return;
    }
    LOG.info("{} GET /_ah/start", this);
    host.internalRequests().get(slot.port(), "/_ah/start").whenComplete(this::startAnswered);
  }

  private void startAnswered(Integer status, Throwable failure) {
    boolean success = failure == null && (status / 100 == 2 || status == 404);
    if (success) {
      becomeServing();
    } else if (state == InstanceState.STARTING) {
      startFailed(failure != null ? "its start request failed: " + failure : "its start request answered " + status);
    }
  }

  private void becomeServing() {
    synchronized (this) {
      if (state != InstanceState.STARTING) {
        return;
      }
      state = InstanceState.SERVING;
    }
    LOG.info("{} serving", this);
    lastActivityNanos = host.clock().nanoTime();
    Duration idleTimeout = version.idleTimeout();
    if (idleTimeout != null) {
      armIdleCheck(idleTimeout);
    }
    started.complete(true);
    admission.open();
    version.instanceServing(this);
    version.application().listeners().instanceServing(this);
  }

  /**
   * Arms the instance's idle timer, while it serves (R-LIFE-7): when it fires, the version's lane decides
   * whether the instance goes. Armed here, at once, so that a virtual clock moved next sees it.
   *
   * @param after when to check
   */
  void armIdleCheck(Duration after) {
    synchronized (this) {
      if (state != InstanceState.SERVING) {
        return;
      }
      idleCheck = host.clock().schedule(after, () -> version.lane().execute(() -> version.checkIdle(this)));
    }
  }

  private void startFailed(String why) {
    LOG.warn("{} failed to start: {}", this, why);
    version.application().listeners().instanceStartFailed(this, why);
    started.complete(false);
    stop(version.config().settings().shutdownGrace(), StopReason.START_FAILED);
  }

  /**
   * Starts the shutdown sequence (R-LIFE-5), once: later calls return the same future (R-LIFE-6).
   *
   * @param grace how long in-flight requests and the hook have
   * @param reason why
   * @return completes when the instance is {@link InstanceState#STOPPED}
   */
  public CompletableFuture<Void> stop(Duration grace, StopReason reason) {
    synchronized (this) {
      if (state == InstanceState.STOPPING || state == InstanceState.STOPPED) {
        return stopped;
      }
      state = InstanceState.STOPPING;
      stopReason = reason;
      if (idleCheck != null) {
        idleCheck.cancel();
        idleCheck = null;
      }
      lifecycle.stopping(host.clock().nanoTime() + grace.toNanos());
      graceTimer = host.clock().schedule(grace, this::graceEnded);
    }
    LOG.info("{} stopping ({}), grace {}", this, reason, grace);
    started.complete(false);
    List<PendingRequest> waiting = admission.close();
    version.requeue(this, waiting,
        reason == StopReason.START_FAILED ? Rejection.START_FAILED : Rejection.STOPPING);
    runHook();
    return stopped;
  }

  private void runHook() {
    LifecycleManager.ShutdownHook hook = lifecycle.hook();
    if (hook == null) {
      hookFinished();
      return;
    }
    boolean busy = !inFlight.isEmpty() || admission.active() > 0;
    String requestId = host.requestIds().next();
    Runnable runHook = () -> {
      try {
        hook.shutdown();
      } catch (RuntimeException | Error e) {
        stats.hookFailed();
        LOG.error("{} shutdown hook failed", this, e);
      } finally {
        hookFinished();
      }
    };
    try {
      if (busy) {
        LOG.info("{} runs its shutdown hook beside {} requests in flight", this, inFlight.size());
        host.lifecycleExecutor().execute(stats.counted(ThreadContext.background(this, requestId).wrap(runHook)));
      } else {
        LOG.info("{} GET /_ah/stop (internal: runs the shutdown hook only)", this);
        Runnable stopRequest = ThreadContext.request(this, requestId, Long.MAX_VALUE).wrap(runHook);
        host.requestExecutor().execute(() -> stats.runCharged(stopRequest));
      }
    } catch (RejectedExecutionException e) {
      LOG.error("{} could not run its shutdown hook: the host's threads are gone", this);
      hookFinished();
    }
  }

  private void hookFinished() {
    hookDone = true;
    checkDrained();
  }

  private void checkDrained() {
    if (state == InstanceState.STOPPING && hookDone && inFlight.isEmpty() && admission.active() == 0
        && background.running() == 0) {
      finish(false);
    }
  }

  private void graceEnded() {
    if (finishing.get()) {
      return;
    }
    LOG.warn("{} shutdown grace ended with {} requests in flight, {} background threads{}", this,
        inFlight.size(), background.running(), hookDone ? "" : " and its hook still running");
    finish(true);
  }

  private void finish(boolean forced) {
    if (!finishing.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      if (graceTimer != null) {
        graceTimer.cancel();
      }
    }
    background.interruptAll();
    if (forced) {
      for (HttpServerExchange exchange : inFlight) {
        RequestGuard guard = RequestGuard.of(exchange);
        if (guard != null) {
          guard.abort("the end of the shutdown grace");
        } else {
          IoUtils.safeClose(exchange.getConnection());
        }
      }
      interruptRequestThreads();
    }
    deployed.whenComplete((deployment, failure) -> {
      if (deployment != null) {
        try {
          host.lifecycleExecutor().execute(() -> undeploy(deployment));
          return;
        } catch (RejectedExecutionException e) {
          undeploy(deployment);
          return;
        }
      }
      becomeStopped();
    });
  }

  private void undeploy(InstanceDeployment deployment) {
    try {
      withContext(() -> {
        deployment.stop();
        return null;
      });
    } catch (Exception | LinkageError e) {
      LOG.error("{} failed to undeploy", this, e);
    } finally {
      becomeStopped();
    }
  }

  /** Runs deployment work with the instance's context bound, so listeners and servlet init can use the API. */
  private <T> T withContext(DeploymentWork<T> work) throws Exception {
    ThreadContext context = ThreadContext.request(this, host.requestIds().next(), Long.MAX_VALUE);
    try (RuntimeBinding binding = RuntimeBinding.bind(context)) {
      context.putMdc();
      return work.run();
    } finally {
      MDC.clear();
    }
  }

  @FunctionalInterface
  private interface DeploymentWork<T> {
    T run() throws Exception;
  }

  private void becomeStopped() {
    StopReason reason;
    synchronized (this) {
      state = InstanceState.STOPPED;
      reason = stopReason;
    }
    LOG.info("{} stopped", this);
    version.application().listeners().instanceStopped(this);
    stopped.complete(null);
    version.instanceStopped(this, reason);
  }

  /**
   * Takes the start request: true once, while starting, for the request that bypasses the pending queue.
   *
   * @return true when the caller's request is the start request
   */
  public synchronized boolean takeStartRequest() {
    if (state == InstanceState.STARTING && deployed.isDone() && !startRequestTaken) {
      startRequestTaken = true;
      return true;
    }
    return false;
  }

  /**
   * Offers a request to the instance's admission.
   *
   * @param request the request
   * @param failfast whether to reject rather than queue
   */
  public void offer(PendingRequest request, boolean failfast) {
    request.owner(this);
    if (request.addressed()) {
      admission.offer(request, failfast);
    } else if (!admission.offerUnlessClosed(request, failfast) && !version.redispatch(this, request)) {
      // Chosen while serving, stopping before the offer: another serving instance takes it, else 404.
      admission.reject(request, Rejection.STOPPING);
    }
  }

  /**
   * Notes a request that reaches the deployment; it is in flight until {@link #requestExited}.
   *
   * @param exchange the request
   * @return the count of {@code interruptAllRequests} calls so far, to hand to {@link #runRequest}, so that
   *     a request admitted before such a call and run after it is interrupted too
   */
  public long requestEntered(HttpServerExchange exchange) {
    inFlight.add(exchange);
    lastActivityNanos = host.clock().nanoTime();
    return interrupts.get();
  }

  /**
   * Notes the end of a request, gives back its slot if it held one, and completes a shutdown waiting for it.
   *
   * @param exchange the request
   * @param admitted whether it held an admission slot
   * @param latencyNanos how long it took from arrival
   */
  public void requestExited(HttpServerExchange exchange, boolean admitted, long latencyNanos) {
    lastActivityNanos = host.clock().nanoTime();
    inFlight.remove(exchange);
    if (admitted) {
      admission.release();
    }
    stats.requestFinished(latencyNanos, exchange.getStatusCode());
    checkDrained();
  }

  List<PendingRequest> takeMovable(int max) {
    return admission.takeMovable(max);
  }

  int pending() {
    return admission.pending();
  }

  int maxConcurrent() {
    return admission.maxConcurrent();
  }

  void admissionReject(PendingRequest request, Rejection rejection) {
    admission.reject(request, rejection);
  }

  /**
   * Makes the context of a request on this instance, with the deadline its kind has.
   *
   * @param requestId the request id
   * @param task whether it is a task request
   * @return the context
   */
  public ThreadContext requestContext(String requestId, boolean task) {
    ResidentSettings settings = version.config().settings();
    Duration deadline = task ? settings.taskDeadline() : settings.requestDeadline();
    long deadlineNanos = deadline == null ? Long.MAX_VALUE : host.clock().nanoTime() + deadline.toNanos();
    return ThreadContext.request(this, requestId, deadlineNanos);
  }

  /**
   * Makes the context of this instance's start request, which has no deadline (R-LIFE-1).
   *
   * @param requestId the request id
   * @return the context
   */
  public ThreadContext startRequestContext(String requestId) {
    return ThreadContext.request(this, requestId, Long.MAX_VALUE);
  }

  /**
   * Guards a request about to run on this instance: its response is held until the handler returns, and
   * its deadline (from {@code context}) is armed (R-REQ-5, R-REQ-6).
   *
   * @param exchange the request
   * @param context the request's context
   * @param task whether it is a task request, as given to {@link #requestContext}
   * @return the guard
   */
  public RequestGuard guard(HttpServerExchange exchange, ThreadContext context, boolean task) {
    return RequestGuard.install(exchange, Map.of(RequestIds.HEADER, context.getRequestId()),
        task ? taskDeadlines : requestDeadlines, context.deadlineNanos(), deadlineGraces, deadlineListener,
        version.config().settings().maxResponseBytes());
  }

  /**
   * Runs a request on the current thread: binds its context, registers the thread so that it can be
   * interrupted, then ends the request's own threads.
   *
   * @param context the request's context
   * @param interruptsAtEntry what {@link #requestEntered} returned for the request
   * @param body what to run
   */
  public void runRequest(ThreadContext context, long interruptsAtEntry, Runnable body) {
    Thread thread = Thread.currentThread();
    Thread.interrupted();
    requestThreads.add(thread);
    if (interrupts.get() != interruptsAtEntry) {
      thread.interrupt();
    }
    try {
      stats.runCharged(context.wrap(body));
    } finally {
      requestThreads.remove(thread);
      context.endRequestThreads();
      Thread.interrupted();
    }
  }

  /**
   * Counts the CPU time {@code runnable} uses on its thread as this instance's (R-API-5).
   *
   * @param runnable code of the instance
   * @return the counted runnable
   */
  Runnable counted(Runnable runnable) {
    return stats.counted(runnable);
  }

  void interruptRequestThreads() {
    interrupts.incrementAndGet();
    for (Thread thread : requestThreads) {
      thread.interrupt();
    }
  }

  /**
   * Returns the handler of the instance's servlet deployment.
   *
   * @return the deployment's handler
   * @throws IllegalStateException if the instance is not deployed
   */
  public HttpHandler deploymentHandler() {
    InstanceDeployment deployment = deployed.getNow(null);
    if (deployment == null) {
      throw new IllegalStateException(this + " is not deployed");
    }
    return deployment.handler();
  }

  ThreadFactory backgroundThreadFactory() {
    if (version.config().scalingType() == ScalingType.AUTOMATIC) {
      throw new IllegalStateException("Background threads need manual or basic scaling; "
          + version.config().key() + " uses automatic scaling");
    }
    return background;
  }

  /**
   * Returns a snapshot of the instance's figures.
   *
   * @return the figures
   */
  public RuntimeStats stats() {
    return stats.snapshot(host.clock().nanoTime() - createdNanos,
        version.config().instanceClass().memoryBytes(), admission.active(), admission.pending(),
        admission.rejections(), background.count());
  }

  /**
   * Returns the instance's live counters, read by metrics and the admin API without a snapshot.
   *
   * @return the counters
   */
  public InstanceCounters counters() {
    return counters;
  }

  /**
   * Returns how many shutdown hooks of this instance threw.
   *
   * @return 0 or 1
   */
  public long hookFailures() {
    return stats.hookFailures();
  }

  /**
   * Returns the instance's state.
   *
   * @return the state
   */
  public InstanceState state() {
    return state;
  }

  /**
   * Returns the instance id.
   *
   * @return {@code "0"}, {@code "1"}, … or a hexadecimal id on automatic scaling
   */
  public String id() {
    return id;
  }

  /**
   * Returns the version's configuration.
   *
   * @return the configuration
   */
  public VersionConfig version() {
    return version.config();
  }

  /**
   * Returns the instance's slot.
   *
   * @return the slot, or null on automatic scaling
   */
  public InstanceSlot slot() {
    return slot;
  }

  /**
   * Returns the version's runtime.
   *
   * @return the version
   */
  public VersionRuntime versionRuntime() {
    return version;
  }

  /**
   * Returns a future that completes with true when the instance serves, false when its start failed or it
   * stopped first.
   *
   * @return the start outcome
   */
  public CompletableFuture<Boolean> started() {
    return started;
  }

  /**
   * Returns a future that completes when the instance is stopped.
   *
   * @return the stop
   */
  public CompletableFuture<Void> stopped() {
    return stopped;
  }

  /**
   * Tells whether the instance serves with a free slot and nobody waiting.
   *
   * @return true when a request would be admitted at once
   */
  public boolean hasFreeSlot() {
    return state == InstanceState.SERVING && admission.hasFreeSlot();
  }

  /**
   * Returns the requests admitted and waiting.
   *
   * @return active plus pending requests
   */
  public int outstanding() {
    return admission.outstanding();
  }

  long idleNanos() {
    return outstanding() == 0 && inFlight.isEmpty() ? host.clock().nanoTime() - lastActivityNanos : 0;
  }

  InstanceLifecycle lifecycle() {
    return lifecycle;
  }

  ModulesService modulesService() {
    return modulesService;
  }

  /** The signer of the host's internal requests (R-SEC-3). */
  dev.resident.api.spi.RequestSigner requestSigner() {
    return host.internalRequests().signatures();
  }

  HostClock clock() {
    return host.clock();
  }

  String applicationId() {
    return host.applicationId();
  }

  Duration requestThreadJoinBound() {
    return version.config().settings().deadlineGrace();
  }

  String threadNamePrefix() {
    VersionConfig config = version.config();
    return "resident-" + config.module() + "-" + config.version() + "-" + id + "-";
  }

  private String deploymentName() {
    return version.config().key() + "/" + id + "#" + run;
  }

  @Override
  public String toString() {
    return "instance " + version.config().key() + "/" + id;
  }
}
