package dev.resident.undertow.instance;

import io.undertow.server.HttpHandler;

/** Makes the root handlers of the ports a version opens: its own port and one per instance. */
public interface PortHandlers {

  /**
   * Returns the root handler of a version's port.
   *
   * @param version the version
   * @return the handler chain for requests addressed to the version
   */
  HttpHandler versionPort(VersionRuntime version);

  /**
   * Returns the root handler of a manual or basic instance's port.
   *
   * @param slot the instance's slot
   * @return the handler chain for requests addressed to the instance
   */
  HttpHandler instancePort(InstanceSlot slot);
}
