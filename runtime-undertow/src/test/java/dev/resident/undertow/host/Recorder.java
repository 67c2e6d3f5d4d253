package dev.resident.undertow.host;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** What test servlets and hooks saw, shared by the instances of one test. */
final class Recorder {

  final List<String> events = new CopyOnWriteArrayList<>();
  final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  void record(String event) {
    events.add(event);
    counts.computeIfAbsent(event, e -> new AtomicInteger()).incrementAndGet();
  }

  int count(String event) {
    AtomicInteger count = counts.get(event);
    return count == null ? 0 : count.get();
  }

  boolean saw(String event) {
    return count(event) > 0;
  }
}
