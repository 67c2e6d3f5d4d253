package dev.resident.undertow.routing;

import dev.resident.undertow.instance.Instance;
import dev.resident.undertow.instance.InstanceSlot;
import dev.resident.undertow.instance.VersionRuntime;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.Objects;

/**
 * Where routing sent a request: a version, and the instance when the request named one.
 *
 * @param version the version
 * @param slot the named manual or basic instance, or null
 * @param instance the named automatic instance, or null
 */
public record RequestTarget(VersionRuntime version, InstanceSlot slot, Instance instance) {

  private static final AttachmentKey<RequestTarget> KEY = AttachmentKey.create(RequestTarget.class);

  public RequestTarget {
    Objects.requireNonNull(version, "version");
  }

  /**
   * Returns a target naming no instance.
   *
   * @param version the version
   * @return the target
   */
  public static RequestTarget of(VersionRuntime version) {
    return new RequestTarget(version, null, null);
  }

  /**
   * Returns a target naming a manual or basic instance.
   *
   * @param slot the instance's slot
   * @return the target
   */
  public static RequestTarget of(InstanceSlot slot) {
    return new RequestTarget(slot.version(), slot, null);
  }

  /**
   * Attaches this target to a request.
   *
   * @param exchange the request
   */
  public void attachTo(HttpServerExchange exchange) {
    exchange.putAttachment(KEY, this);
  }

  /**
   * Returns the target routing attached to a request.
   *
   * @param exchange the request
   * @return the target, or null
   */
  public static RequestTarget of(HttpServerExchange exchange) {
    return exchange.getAttachment(KEY);
  }

  /**
   * Tells whether the request named its instance.
   *
   * @return true when it may go to that instance only
   */
  public boolean addressed() {
    return slot != null || instance != null;
  }
}
