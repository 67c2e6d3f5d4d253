package dev.resident.undertow.instance;

import dev.resident.undertow.deadline.DeadlineTimer;
import dev.resident.undertow.listen.PortListeners;
import dev.resident.undertow.time.HostClock;
import dev.resident.undertow.trust.InternalRequests;
import io.undertow.servlet.api.ServletContainer;
import java.util.concurrent.ExecutorService;

/**
 * What the instances of one host share: its clock, threads, servlet container, ports and internal
 * requests.
 *
 * @param applicationId the application id
 * @param domain the domain of host names, or null for {@code localhost:<port>} names
 * @param clock the host's one clock and scheduler
 * @param requestExecutor runs requests, start requests and {@code /_ah/stop}; grows with admitted requests
 * @param lifecycleExecutor runs deployments, undeployments and hooks that run beside requests
 * @param container the servlet container of every instance's deployment
 * @param listeners opens the ports
 * @param internalRequests sends and recognises the host's own requests
 * @param requestIds makes request ids
 * @param portHandlers makes the root handlers of version and instance ports
 * @param deadlines the one timer of every request deadline
 */
public record HostServices(
    String applicationId,
    String domain,
    HostClock clock,
    ExecutorService requestExecutor,
    ExecutorService lifecycleExecutor,
    ServletContainer container,
    PortListeners listeners,
    InternalRequests internalRequests,
    RequestIds requestIds,
    PortHandlers portHandlers,
    DeadlineTimer deadlines) {}
