package dev.resident.api;

/**
 * Thrown by Resident API calls made on a request thread whose request has passed its soft deadline.
 *
 * <p>Once the deadline is reached the thread is also interrupted. A handler may catch this exception and
 * still write its own response within the deadline grace (1 second by default); after that the client gets
 * a 500 whatever the thread does.
 */
public class DeadlineExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with no detail message. */
  public DeadlineExceededException() {
    super();
  }

  /**
   * Creates the exception with a detail message.
   *
   * @param message what deadline was exceeded
   */
  public DeadlineExceededException(String message) {
    super(message);
  }
}
