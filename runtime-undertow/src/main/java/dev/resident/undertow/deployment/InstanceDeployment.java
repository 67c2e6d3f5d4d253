package dev.resident.undertow.deployment;

import io.undertow.server.HttpHandler;
import io.undertow.servlet.api.Deployment;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainer;
import jakarta.servlet.ServletException;

/** The running servlet deployment of one instance: deployed on instance start, undeployed on stop. */
public final class InstanceDeployment {

  private final ServletContainer container;
  private final String name;
  private final AutoCloseable release;
  // Dropped once stopped, so that a stopped instance that stays reachable keeps no class loader (R-WAR-5).
  private volatile DeploymentInfo info;
  private volatile DeploymentManager manager;
  private volatile HttpHandler handler;

  private InstanceDeployment(ServletContainer container, DeploymentInfo info, DeploymentManager manager,
      HttpHandler handler, AutoCloseable release) {
    this.container = container;
    this.name = info.getDeploymentName();
    this.info = info;
    this.manager = manager;
    this.handler = handler;
    this.release = release;
  }

  /**
   * Deploys and starts a deployment: its listeners' {@code contextInitialized} and load-on-startup
   * servlets' {@code init} run now. When that fails, the context listeners that did initialise get
   * {@code contextDestroyed}, last first, and the deployment is removed from the container again.
   *
   * @param container the host's servlet container
   * @param info the deployment, with a name unique in the container
   * @param wrap wraps the servlet handler, for static files in front of it
   * @param release closed once the deployment is removed (a WAR's class loader lease); null for none.
   *     The caller closes it when this throws.
   * @return the running deployment
   * @throws ServletException if the deployment fails to start
   * @throws RuntimeException if a listener fails to initialise (Undertow wraps what it threw)
   */
  static InstanceDeployment start(ServletContainer container, DeploymentInfo info,
      java.util.function.UnaryOperator<HttpHandler> wrap, AutoCloseable release) throws ServletException {
    InitialisedListeners listeners = InitialisedListeners.track(info);
    DeploymentManager manager = container.addDeployment(info);
    try {
      manager.deploy();
      HttpHandler handler = manager.start();
      return new InstanceDeployment(container, info, manager, wrap.apply(handler), release);
    } catch (ServletException | RuntimeException | Error e) {
      undo(container, info, manager, listeners, e);
      throw e;
    }
  }

  /** Takes back a deployment that failed to deploy or start; failures on the way are added to the cause. */
  private static void undo(ServletContainer container, DeploymentInfo info, DeploymentManager manager,
      InitialisedListeners listeners, Throwable cause) {
    try {
      if (manager.getState() == DeploymentManager.State.UNDEPLOYED) {
        Deployment deployment = manager.getDeployment();
        if (deployment != null && deployment.getServletContext() != null) {
          deployment.createThreadSetupAction((exchange, ignored) -> {
            listeners.destroyInitialised(deployment.getServletContext());
            if (deployment.getApplicationListeners() != null) {
              deployment.getApplicationListeners().stop();
            }
            deployment.getServletContext().destroy();
            return null;
          }).call(null, null);
        }
      } else {
        manager.undeploy();
      }
    } catch (Exception | Error e) {
      cause.addSuppressed(e);
    } finally {
      try {
        container.removeDeployment(info);
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  /**
   * Returns the handler that runs the deployment's filters and servlets.
   *
   * @return the deployment's handler
   */
  public HttpHandler handler() {
    HttpHandler running = handler;
    if (running == null) {
      throw new IllegalStateException(this + " is stopped");
    }
    return running;
  }


  /**
   * Stops the deployment: servlets' {@code destroy} and listeners' {@code contextDestroyed} run now.
   *
   * @throws ServletException if stopping fails; the deployment is removed all the same. A second call does
   *     nothing.
   */
  public synchronized void stop() throws ServletException {
    if (manager == null) {
      return;
    }
    try {
      manager.stop();
    } finally {
      manager.undeploy();
      container.removeDeployment(info);
      handler = null;
      manager = null;
      info = null;
      closeRelease();
    }
  }

  private void closeRelease() {
    if (release != null) {
      try {
        release.close();
      } catch (Exception e) {
        throw new IllegalStateException(this + " could not release its class loader", e);
      }
    }
  }

  @Override
  public String toString() {
    return "deployment(" + name + ")";
  }
}
