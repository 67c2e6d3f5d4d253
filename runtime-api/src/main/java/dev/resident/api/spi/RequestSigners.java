package dev.resident.api.spi;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The signers of the hosts that run in this JVM, for threads bound to no {@link RuntimeContext}: a
 * thread the application made itself, or a test's own thread. A host registers its signer when it
 * starts and closes the registration when it stops.
 */
public final class RequestSigners {

  private static final CopyOnWriteArrayList<RequestSigner> HOSTS = new CopyOnWriteArrayList<>();

  private RequestSigners() {}

  /**
   * Registers the signer of a host that has started.
   *
   * @param signer the host's signer
   * @return the registration, closed when the host stops
   * @throws NullPointerException if {@code signer} is null
   */
  public static Registration register(RequestSigner signer) {
    if (signer == null) {
      throw new NullPointerException("signer");
    }
    HOSTS.add(signer);
    return new Registration(signer);
  }

  /**
   * Returns the signer for the calling thread: its context's, else the one host's of this JVM.
   *
   * @param call the API call, named in the exception
   * @return the signer
   * @throws IllegalStateException if no host runs in this JVM, or several do and the calling thread
   *     belongs to none of them
   */
  public static RequestSigner require(String call) {
    RuntimeContext context = RuntimeBinding.currentOrNull();
    RequestSigner bound = context == null ? null : context.requestSigner();
    if (bound != null) {
      return bound;
    }
    Object[] hosts = HOSTS.toArray();
    if (hosts.length == 1) {
      return (RequestSigner) hosts[0];
    }
    String thread = "\"" + Thread.currentThread().getName() + "\"";
    if (hosts.length == 0) {
      throw new IllegalStateException(
          call
              + " was called on thread "
              + thread
              + " while no Resident host runs in this JVM: only a running host (or a test that binds an"
              + " environment, runtime-testing) holds the secret that signs internal requests.");
    }
    throw new IllegalStateException(
        call
            + " was called on thread "
            + thread
            + ", which belongs to no Resident instance, while "
            + hosts.length
            + " hosts run in this JVM, each with its own secret. Call it from a request thread or a"
            + " ThreadManager thread of the host the request is for.");
  }

  /** A host's signer, registered until closed. */
  public static final class Registration implements AutoCloseable {
    private final RequestSigner signer;

    private Registration(RequestSigner signer) {
      this.signer = signer;
    }

    /** Removes the signer; a second call does nothing. */
    @Override
    public void close() {
      HOSTS.remove(signer);
    }
  }
}
