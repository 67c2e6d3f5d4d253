package dev.resident.api.spi;

/**
 * Binds a {@link RuntimeContext} to the current thread for the time of a request, a background thread's
 * run or a test. Close the binding to restore what was bound before:
 *
 * <pre>{@code
 * try (RuntimeBinding binding = RuntimeBinding.bind(context)) {
 *   servlet.service(request, response);
 * }
 * }</pre>
 */
public final class RuntimeBinding implements AutoCloseable {

  private static final ThreadLocal<RuntimeContext> CURRENT = new ThreadLocal<>();

  private final Thread thread;
  private final RuntimeContext previous;
  private boolean closed;

  private RuntimeBinding(Thread thread, RuntimeContext previous) {
    this.thread = thread;
    this.previous = previous;
  }

  /**
   * Binds a context to the current thread.
   *
   * @param context the context the API answers with on this thread
   * @return the binding, to be closed on this thread
   * @throws NullPointerException if {@code context} is null
   */
  public static RuntimeBinding bind(RuntimeContext context) {
    if (context == null) {
      throw new NullPointerException("context");
    }
    RuntimeContext previous = CURRENT.get();
    CURRENT.set(context);
    return new RuntimeBinding(Thread.currentThread(), previous);
  }

  /**
   * Returns the context bound to the current thread.
   *
   * @return the context, or null when none is bound
   */
  public static RuntimeContext currentOrNull() {
    return CURRENT.get();
  }

  /**
   * Returns the context bound to the current thread, for an API call.
   *
   * @param call the API call being made, named in the exception, such as {@code "Environment.current()"}
   * @param checkDeadline whether to throw when the current request is past its deadline
   * @return the bound context
   * @throws IllegalStateException if no context is bound, saying which threads may make the call
   */
  public static RuntimeContext require(String call, boolean checkDeadline) {
    RuntimeContext context = CURRENT.get();
    if (context == null) {
      throw new IllegalStateException(
          call
              + " was called on thread \""
              + Thread.currentThread().getName()
              + "\", which belongs to no Resident instance. Call it from a request thread of a Resident"
              + " host, from a thread made by ThreadManager, or from a test that binds an environment"
              + " (runtime-testing).");
    }
    if (checkDeadline) {
      context.checkDeadline();
    }
    return context;
  }

  /**
   * Restores the context bound before this binding was made.
   *
   * @throws IllegalStateException if called on another thread than the one that made the binding
   */
  @Override
  public void close() {
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException(
          "A RuntimeBinding must be closed on the thread that made it (" + thread.getName() + ")");
    }
    if (closed) {
      return;
    }
    closed = true;
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
