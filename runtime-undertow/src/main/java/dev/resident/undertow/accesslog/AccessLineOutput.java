package dev.resident.undertow.accesslog;

import java.io.IOException;

/** Where the access log's writer thread puts the lines: the logger, or a file of its own. */
interface AccessLineOutput extends AutoCloseable {

  /**
   * Returns whether lines are wanted now: false drops them before they are queued.
   *
   * @return true to queue the next line
   */
  boolean enabled();

  /**
   * Writes one request's line.
   *
   * @param record the request
   * @throws IOException if the line cannot be written
   */
  void write(AccessRecord record) throws IOException;

  /**
   * Ends a batch of lines: what was written reaches its destination.
   *
   * @throws IOException if it cannot
   */
  void flush() throws IOException;

  /**
   * Returns how long the writer lets lines gather after the first one wakes it, so that a batch costs one
   * write; zero writes each line as it comes.
   *
   * @return nanoseconds
   */
  long gatherNanos();

  /** Writes what is buffered and gives the destination back. */
  @Override
  void close() throws IOException;
}
