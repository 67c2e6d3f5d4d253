package dev.resident.undertow.instance;

import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link InstanceListener}s of one application; a listener that throws is logged, never felt. */
final class InstanceListeners implements InstanceListener {

  private static final Logger LOG = LoggerFactory.getLogger(InstanceListeners.class);

  private final CopyOnWriteArrayList<InstanceListener> listeners = new CopyOnWriteArrayList<>();

  void add(InstanceListener listener) {
    listeners.addIfAbsent(listener);
  }

  void remove(InstanceListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void instanceStarting(Instance instance) {
    for (InstanceListener listener : listeners) {
      try {
        listener.instanceStarting(instance);
      } catch (RuntimeException e) {
        LOG.warn("instance listener {} failed", listener, e);
      }
    }
  }

  @Override
  public void instanceServing(Instance instance) {
    for (InstanceListener listener : listeners) {
      try {
        listener.instanceServing(instance);
      } catch (RuntimeException e) {
        LOG.warn("instance listener {} failed", listener, e);
      }
    }
  }

  @Override
  public void instanceStartFailed(Instance instance, String why) {
    for (InstanceListener listener : listeners) {
      try {
        listener.instanceStartFailed(instance, why);
      } catch (RuntimeException e) {
        LOG.warn("instance listener {} failed", listener, e);
      }
    }
  }

  @Override
  public void instanceStopped(Instance instance) {
    for (InstanceListener listener : listeners) {
      try {
        listener.instanceStopped(instance);
      } catch (RuntimeException e) {
        LOG.warn("instance listener {} failed", listener, e);
      }
    }
  }

  @Override
  public String toString() {
    return "instance-listeners" + listeners;
  }
}
