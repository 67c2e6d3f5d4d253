package dev.resident.undertow.request;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Counts the bytes of a request body as they are read and fails the read that passes the limit with a
 * {@link RequestTooBigException} (R-REQ-6). Unlike Undertow's own cap ({@code maxEntitySize}), which closes
 * a chunked request's connection on the spot, this leaves the connection open until the answer (413) is
 * written; the exchange is marked not persistent, so the connection closes after it. Once over the limit,
 * reads see the end of the body, so that the container's final drain ends quietly.
 */
final class BodyLimitConduit extends AbstractStreamSourceConduit<StreamSourceConduit> {

  private final HttpServerExchange exchange;
  private final long limit;
  private long total;
  private boolean exceeded;

  BodyLimitConduit(StreamSourceConduit next, HttpServerExchange exchange, long limit) {
    super(next);
    this.exchange = exchange;
    this.limit = limit;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (exceeded) {
      return -1;
    }
    int read = next.read(dst);
    count(read);
    return read;
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    if (exceeded) {
      return -1;
    }
    long read = next.read(dsts, offset, length);
    count(read);
    return read;
  }

  @Override
  public long transferTo(long position, long count, FileChannel target) throws IOException {
    return target.transferFrom(new ConduitReadableByteChannel(this), position, count);
  }

  @Override
  public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
    return IoUtils.transfer(new ConduitReadableByteChannel(this), count, throughBuffer, target);
  }

  private void count(long read) throws RequestTooBigException {
    if (read <= 0) {
      return;
    }
    total += read;
    if (total > limit) {
      exceeded = true;
      exchange.setPersistent(false);
      throw new RequestTooBigException("The request body is over max_request_body, " + limit + " bytes");
    }
  }

  @Override
  public String toString() {
    return "body-limit(" + total + "/" + limit + (exceeded ? ", exceeded" : "") + ")";
  }
}
