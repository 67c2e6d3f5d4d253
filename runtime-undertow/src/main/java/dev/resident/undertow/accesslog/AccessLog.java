package dev.resident.undertow.accesslog;

import dev.resident.undertow.admission.Rejection;
import dev.resident.undertow.instance.Instance;
import dev.resident.undertow.request.RequestFacts;
import dev.resident.undertow.routing.RequestTarget;
import dev.resident.undertow.time.HostClock;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every finished request of a host: a line on the logger {@value #LOGGER} (at INFO; turn the logger
 * off to drop the lines) or in a file of its own, written by a thread of its own, and an entry in the
 * {@link RecentRequests} (R-OPS-1, R-OPS-3). {@link #close()} writes the lines still queued and ends that thread.
 */
public final class AccessLog implements AutoCloseable {

  /** The logger of the access lines. */
  public static final String LOGGER = "dev.resident.access";
  /** How many recent requests a host keeps by default. */
  public static final int DEFAULT_CAPACITY = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final HttpString REJECTED = new HttpString(Rejection.HEADER);

  private final HostClock clock;
  private final RecentRequests recent;
  private final AtomicLong seq = new AtomicLong();
  private final AccessLineWriter writer;

  /**
   * An access log whose lines go to the logger {@value #LOGGER}.
   *
   * @param clock the host's clock
   * @param recent where recent requests go
   */
  public AccessLog(HostClock clock, RecentRequests recent) {
    this(clock, recent, null);
  }

  /**
   * An access log whose lines go to {@code file}, or to the logger {@value #LOGGER} when it is null.
   *
   * @param clock the host's clock
   * @param recent where recent requests go
   * @param file the file the lines are appended to, each after its time in UTC; or null
   * @throws java.io.UncheckedIOException naming the file when it cannot be opened
   */
  public AccessLog(HostClock clock, RecentRequests recent, Path file) {
    this.clock = clock;
    this.recent = recent;
    this.writer = file == null ? new AccessLineWriter(LOG) : new AccessLineWriter(LOG, new FileLines(file));
  }

  /**
   * Returns the recent requests.
   *
   * @return the bounded list
   */
  public RecentRequests recent() {
    return recent;
  }

  /**
   * Records a request whose exchange is complete.
   *
   * @param exchange the request
   */
  public void completed(HttpServerExchange exchange) {
    long now = clock.nanoTime();
    long arrival = RequestFacts.arrivalNanos(exchange);
    long run = RequestFacts.runNanos(exchange);
    double total = arrival == Long.MIN_VALUE ? 0 : (now - arrival) / 1e6;
    double pending = run == Long.MIN_VALUE || arrival == Long.MIN_VALUE ? total : Math.max(0, run - arrival) / 1e6;
    RequestTarget target = RequestTarget.of(exchange);
    Instance ran = RequestFacts.instance(exchange);
    String instance = ran != null ? ran.id()
        : target != null && target.slot() != null ? target.slot().id()
        : target != null && target.instance() != null ? target.instance().id() : "-";
    AccessRecord record = new AccessRecord(seq.incrementAndGet(), clock.instant(),
        RequestFacts.requestId(exchange),
        target == null ? "-" : target.version().config().module(),
        target == null ? "-" : target.version().config().version(),
        instance,
        exchange.getRequestMethod().toString(),
        exchange.getRequestPath(),
        exchange.getStatusCode(),
        exchange.getResponseBytesSent(),
        pending,
        total,
        exchange.getResponseHeaders().getFirst(REJECTED));
    recent.add(record);
    if (writer.enabled()) {
      writer.write(record);
    }
  }

  /** Writes the queued lines and ends the writer's thread, within a bound. */
  @Override
  public void close() {
    writer.close();
  }

  @Override
  public String toString() {
    return "access-log(" + LOGGER + ", " + recent + ")";
  }
}
