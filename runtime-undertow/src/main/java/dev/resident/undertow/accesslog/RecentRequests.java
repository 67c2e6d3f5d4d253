package dev.resident.undertow.accesslog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/** The last requests of a host, bounded in memory: the oldest goes when a new one comes past the capacity. */
public final class RecentRequests {

  private final int capacity;
  private final ArrayDeque<AccessRecord> records;

  /**
   * @param capacity how many requests to keep, 1 or more
   */
  public RecentRequests(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be 1 or more, found " + capacity);
    }
    this.capacity = capacity;
    this.records = new ArrayDeque<>(capacity);
  }

  /**
   * Adds a finished request.
   *
   * @param record the request
   */
  public synchronized void add(AccessRecord record) {
    if (records.size() == capacity) {
      records.removeFirst();
    }
    records.addLast(record);
  }

  /**
   * Returns the newest requests that match, newest first.
   *
   * @param filter which requests
   * @param limit at most this many
   * @return the requests
   */
  public synchronized List<AccessRecord> newest(Predicate<AccessRecord> filter, int limit) {
    List<AccessRecord> found = new ArrayList<>(Math.min(limit, records.size()));
    for (Iterator<AccessRecord> it = records.descendingIterator(); it.hasNext() && found.size() < limit; ) {
      AccessRecord record = it.next();
      if (filter.test(record)) {
        found.add(record);
      }
    }
    return found;
  }

  /**
   * Returns how many requests it keeps at most.
   *
   * @return the capacity
   */
  public int capacity() {
    return capacity;
  }

  @Override
  public String toString() {
    return "recent-requests(" + capacity + ")";
  }
}
