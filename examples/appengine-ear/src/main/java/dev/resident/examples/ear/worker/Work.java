package dev.resident.examples.ear.worker;

import dev.resident.api.modules.ModulesServiceFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The work state of the {@code my-module} instances, by instance id. The five instances share one class
 * loader (the default {@code class-loading: version}), so static state is keyed by instance; with
 * {@code <resident><class-loading>instance</class-loading></resident>} each would have its own copy.
 */
final class Work {
  private static final Map<String, AtomicLong> DONE = new ConcurrentHashMap<>();
  private static final Map<String, Long> SAVED = new ConcurrentHashMap<>();
  private static final Map<String, Boolean> STARTED = new ConcurrentHashMap<>();

  private Work() {}

  private static String instance() {
    return ModulesServiceFactory.getModulesService().getCurrentInstanceId();
  }

  static void started() {
    STARTED.put(instance(), true);
  }

  static boolean isStarted() {
    return STARTED.getOrDefault(instance(), false);
  }

  static void doSomeWork() {
    DONE.computeIfAbsent(instance(), i -> new AtomicLong()).incrementAndGet();
  }

  static void saveState() {
    String id = instance();
    SAVED.put(id, DONE.computeIfAbsent(id, i -> new AtomicLong()).get());
  }

  static long saved() {
    return SAVED.getOrDefault(instance(), 0L);
  }
}
