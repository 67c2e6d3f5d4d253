package dev.resident.undertow.request;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

/** What the early handlers learn about a request, for the later ones. */
final class RequestAttachments {

  static final AttachmentKey<String> REQUEST_ID = AttachmentKey.create(String.class);
  static final AttachmentKey<Boolean> FAILFAST = AttachmentKey.create(Boolean.class);
  static final AttachmentKey<Boolean> TASK = AttachmentKey.create(Boolean.class);
  static final AttachmentKey<Long> ARRIVAL_NANOS = AttachmentKey.create(Long.class);
  static final AttachmentKey<ExchangeRequest> PENDING_REQUEST = AttachmentKey.create(ExchangeRequest.class);

  private RequestAttachments() {}

  static boolean flag(HttpServerExchange exchange, AttachmentKey<Boolean> key) {
    return Boolean.TRUE.equals(exchange.getAttachment(key));
  }
}
