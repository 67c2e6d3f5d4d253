package dev.resident.undertow.trust;

import dev.resident.undertow.security.RequestSignatures;
import dev.resident.undertow.security.SignatureCheck;
import io.undertow.client.ClientCallback;
import io.undertow.client.ClientConnection;
import io.undertow.client.ClientExchange;
import io.undertow.client.ClientRequest;
import io.undertow.client.UndertowClient;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StringReadChannelListener;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.XnioWorker;

/**
 * Sends the host's internal requests and recognises them: each is signed as the application signs its own
 * ({@link dev.resident.api.InternalRequests}, R-SEC-3), and the signature is verified and removed before
 * user code sees the request.
 */
public final class InternalRequests {

  private static final HttpString HEADER_NAME = new HttpString(dev.resident.api.InternalRequests.HEADER_NAME);
  private static final AttachmentKey<Boolean> INTERNAL = AttachmentKey.create(Boolean.class);

  private final RequestSignatures signatures;
  private final String connectAddress;
  private final XnioWorker worker;
  private final ByteBufferPool buffers;

  /**
   * Creates the internal requests of a host. Requests are sent on the host's own XNIO worker, so they need
   * no thread of their own while they wait.
   *
   * @param signatures signs and verifies with the application's secret
   * @param bindAddress the address the host listens on; internal requests connect to loopback when it is a
   *     wildcard address
   * @param worker the host's XNIO worker
   * @param buffers the host's buffer pool
   */
  public InternalRequests(
      RequestSignatures signatures, String bindAddress, XnioWorker worker, ByteBufferPool buffers) {
    this.signatures = Objects.requireNonNull(signatures, "signatures");
    this.connectAddress = isWildcard(bindAddress) ? "127.0.0.1" : bindAddress;
    this.worker = worker;
    this.buffers = buffers;
  }

  /**
   * Sends an internal GET to a port of the host. There is no timeout: a start request may run for hours.
   *
   * @param port the port
   * @param path the path, such as {@code /_ah/start}
   * @return the response status, or a failed future if the request could not be made
   */
  public CompletableFuture<Integer> get(int port, String path) {
    String host = connectAddress.contains(":") ? "[" + connectAddress + "]" : connectAddress;
    CompletableFuture<Integer> status = new CompletableFuture<>();
    UndertowClient.getInstance().connect(new ClientCallback<>() {
      @Override
      public void completed(ClientConnection connection) {
        ClientRequest request = new ClientRequest().setMethod(Methods.GET).setPath(path);
        request.getRequestHeaders().put(Headers.HOST, host + ":" + port);
        request.getRequestHeaders().put(HEADER_NAME,
            signatures.sign("GET", URI.create("http://" + host + ":" + port + path)));
        connection.sendRequest(request, new ClientCallback<>() {
          @Override
          public void completed(ClientExchange exchange) {
            exchange.setResponseListener(new ClientCallback<>() {
              @Override
              public void completed(ClientExchange answered) {
                int code = answered.getResponse().getResponseCode();
                new StringReadChannelListener(buffers) {
                  @Override
                  protected void stringDone(String body) {
                    IoUtils.safeClose(connection);
                    status.complete(code);
                  }

                  @Override
                  protected void error(IOException e) {
                    IoUtils.safeClose(connection);
                    status.complete(code);
                  }
                }.setup(answered.getResponseChannel());
              }

              @Override
              public void failed(IOException e) {
                IoUtils.safeClose(connection);
                status.completeExceptionally(e);
              }
            });
          }

          @Override
          public void failed(IOException e) {
            IoUtils.safeClose(connection);
            status.completeExceptionally(e);
          }
        });
      }

      @Override
      public void failed(IOException e) {
        status.completeExceptionally(e);
      }
    }, URI.create("http://" + host + ":" + port), worker, buffers, OptionMap.EMPTY);
    return status;
  }

  /**
   * Returns the signer of the application's internal requests.
   *
   * @return the signer
   */
  public RequestSignatures signatures() {
    return signatures;
  }

  /**
   * Checks the signature of an incoming request, removes its header, and remembers on the exchange that
   * the request is internal when the signature is valid.
   *
   * @param exchange the request
   * @return what the signature says
   */
  public SignatureCheck verify(HttpServerExchange exchange) {
    SignatureCheck check = signatures.verify(exchange);
    if (check == SignatureCheck.VALID) {
      exchange.putAttachment(INTERNAL, Boolean.TRUE);
    }
    return check;
  }

  /**
   * Tells whether {@link #verify} found the request internal.
   *
   * @param exchange the request
   * @return true when internal
   */
  public static boolean isInternal(HttpServerExchange exchange) {
    return exchange.getAttachment(INTERNAL) != null;
  }

  private static boolean isWildcard(String address) {
    return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
  }

  @Override
  public String toString() {
    return "internal-requests(via " + connectAddress + ")";
  }
}
