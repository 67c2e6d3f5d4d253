package dev.resident.undertow.accesslog;

import org.slf4j.Logger;

/**
 * Access lines as INFO events of a logger, one event per request: the logging backend formats and writes
 * each, so what a line costs is the backend's.
 */
final class LoggerLines implements AccessLineOutput {

  private final Logger log;

  LoggerLines(Logger log) {
    this.log = log;
  }

  /** True while the logger takes INFO: turning it off drops the lines. */
  @Override
  public boolean enabled() {
    return log.isInfoEnabled();
  }

  @Override
  public void write(AccessRecord record) {
    log.info(record.line());
  }

  @Override
  public void flush() {}

  @Override
  public long gatherNanos() {
    return 0;
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "logger " + log.getName();
  }
}
