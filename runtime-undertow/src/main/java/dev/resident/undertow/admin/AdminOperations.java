package dev.resident.undertow.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import dev.resident.undertow.time.HostClock;

/**
 * The state changes the admin API began, so that a client told {@code 202 Accepted} can poll
 * {@code GET operations/{id}} until the change is done (R-OPS-1). Keeps the last {@value #KEPT}.
 */
final class AdminOperations {

  static final int KEPT = 100;

  /** One state change and its progress. */
  static final class Operation {
    private final String id;
    private final String action;
    private final Instant started;
    private final CompletableFuture<?> change;
    private volatile Instant ended;

    Operation(String id, String action, Instant started, CompletableFuture<?> change) {
      this.id = id;
      this.action = action;
      this.started = started;
      this.change = change;
    }

    String id() {
      return id;
    }

    String action() {
      return action;
    }

    Instant started() {
      return started;
    }

    Instant ended() {
      return ended;
    }

    boolean done() {
      return change.isDone();
    }

    /** Returns {@code running}, {@code done} or {@code failed}. */
    String state() {
      if (!change.isDone()) {
        return "running";
      }
      return change.isCompletedExceptionally() ? "failed" : "done";
    }

    /** Returns why it failed, or null. */
    String failure() {
      if (!change.isCompletedExceptionally()) {
        return null;
      }
      try {
        change.join();
        return null;
      } catch (CompletionException | java.util.concurrent.CancellationException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
      }
    }
  }

  private final HostClock clock;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Operation> operations = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Operation> eldest) {
      return size() > KEPT;
    }
  };

  AdminOperations(HostClock clock) {
    this.clock = clock;
  }

  Operation begin(String action, CompletableFuture<?> change) {
    Operation operation = new Operation(Long.toString(ids.incrementAndGet()), action, clock.instant(), change);
    change.whenComplete((ok, failure) -> operation.ended = clock.instant());
    synchronized (operations) {
      operations.put(operation.id(), operation);
    }
    return operation;
  }

  Operation find(String id) {
    synchronized (operations) {
      return operations.get(id);
    }
  }
}
