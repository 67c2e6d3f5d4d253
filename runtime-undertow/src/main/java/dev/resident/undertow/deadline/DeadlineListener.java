package dev.resident.undertow.deadline;

/** Hears what deadlines do to the requests of one instance, for its stats. */
public interface DeadlineListener {

  /** A request reached its soft deadline. */
  void deadlineExceeded();

  /** A handler thread still runs after its request's hard deadline. */
  void runawayStarted();

  /** A runaway handler thread has returned. */
  void runawayEnded();
}
