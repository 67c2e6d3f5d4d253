package dev.resident.undertow.deployment;

import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.InstanceFactory;
import io.undertow.servlet.api.InstanceHandle;
import io.undertow.servlet.api.ListenerInfo;
import io.undertow.servlet.util.ImmediateInstanceHandle;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.ArrayList;
import java.util.EventListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows which context listeners of a deployment have initialised, so that a deployment that fails
 * part-way destroys exactly those, last first (as a deployment that stops destroys all of them). Undertow
 * initialises a deployment's context listeners in order and stops at the first that throws; after each
 * one a mark is placed that notes it got through.
 *
 * <p>Listeners added while deploying (through {@code ServletContext.addListener}) are not tracked.
 */
final class InitialisedListeners {

  private static final Logger LOG = LoggerFactory.getLogger(InitialisedListeners.class);

  private final AtomicReferenceArray<ServletContextListener> created;
  private final AtomicInteger initialised = new AtomicInteger();

  private InitialisedListeners(int contextListeners) {
    this.created = new AtomicReferenceArray<>(contextListeners);
  }

  /**
   * Tracks the context listeners of a deployment not yet deployed: each one's instance is kept when made
   * and followed by a mark.
   *
   * @param info the deployment; its listeners are replaced by the tracked ones
   * @return the tracker
   */
  static InitialisedListeners track(DeploymentInfo info) {
    List<ListenerInfo> original = List.copyOf(info.getListeners());
    int count = (int) original.stream().filter(InitialisedListeners::isContextListener).count();
    InitialisedListeners tracker = new InitialisedListeners(count);
    List<ListenerInfo> tracked = new ArrayList<>();
    int index = 0;
    for (ListenerInfo listener : original) {
      if (!isContextListener(listener)) {
        tracked.add(listener);
        continue;
      }
      int at = index++;
      tracked.add(new ListenerInfo(listener.getListenerClass(),
          tracker.keeping(at, listener.getInstanceFactory()), listener.isProgramatic()));
      tracked.add(new ListenerInfo(Mark.class, () -> new ImmediateInstanceHandle<>(new Mark(tracker, at))));
    }
    info.getListeners().clear();
    info.addListeners(tracked);
    return tracker;
  }

  private static boolean isContextListener(ListenerInfo listener) {
    return ServletContextListener.class.isAssignableFrom(listener.getListenerClass());
  }

  private <T extends EventListener> InstanceFactory<T> keeping(int at, InstanceFactory<T> factory) {
    return () -> {
      InstanceHandle<T> handle = factory.createInstance();
      created.set(at, (ServletContextListener) handle.getInstance());
      return handle;
    };
  }

  /**
   * Calls {@code contextDestroyed} on every context listener that initialised, last first; a listener
   * that throws is logged and the others still run.
   *
   * @param context the deployment's servlet context
   */
  void destroyInitialised(ServletContext context) {
    ServletContextEvent event = new ServletContextEvent(context);
    for (int i = initialised.get() - 1; i >= 0; i--) {
      ServletContextListener listener = created.get(i);
      try {
        listener.contextDestroyed(event);
      } catch (RuntimeException | LinkageError e) {
        LOG.warn("contextDestroyed of {} failed", listener.getClass().getName(), e);
      }
    }
  }

  /** Placed after a context listener: it runs only if that listener initialised. */
  static final class Mark implements ServletContextListener {
    private final InitialisedListeners tracker;
    private final int after;

    Mark(InitialisedListeners tracker, int after) {
      this.tracker = tracker;
      this.after = after;
    }

    @Override
    public void contextInitialized(ServletContextEvent sce) {
      tracker.initialised.accumulateAndGet(after + 1, Math::max);
    }

    @Override
    public String toString() {
      return "initialised-mark(" + after + ")";
    }
  }
}
