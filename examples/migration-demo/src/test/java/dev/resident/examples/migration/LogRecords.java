package dev.resident.examples.migration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the converted {@code TallyServlet} logs through {@code java.util.logging} while a test holds this open
 * (its logger is named after the class, whichever loader loaded it).
 */
final class LogRecords extends Handler implements AutoCloseable {

  private final Logger logger = Logger.getLogger(ConvertedApp.SERVLET);
  private final List<String> messages = new CopyOnWriteArrayList<>();

  LogRecords() {
    logger.addHandler(this);
  }

  /** The messages logged so far, in order. */
  List<String> messages() {
    return List.copyOf(messages);
  }

  @Override
  public void publish(LogRecord record) {
    messages.add(record.getMessage());
  }

  @Override
  public void flush() {
    // Nothing is buffered.
  }

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
