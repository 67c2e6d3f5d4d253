package dev.resident.undertow.logging;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code java.util.logging} handler that passes every record to the SLF4J logger of the same name, at
 * the matching level: SEVERE error, WARNING warn, INFO info, CONFIG and FINE debug, below trace. XNIO and
 * Undertow log through jboss-logging, which falls back to {@code java.util.logging} when no other backend
 * is present; with the bridge installed their lines look like every other line of the process.
 */
public final class JulBridge extends Handler {

  private final Formatter formatter = new SimpleFormatter();

  private JulBridge() {}

  /**
   * Replaces the handlers of the {@code java.util.logging} root logger with the bridge; does nothing when
   * SLF4J itself logs to {@code java.util.logging} (slf4j-jdk14), which would loop.
   *
   * @return true when installed
   */
  public static synchronized boolean install() {
    String factory = LoggerFactory.getILoggerFactory().getClass().getName();
    if (factory.startsWith("org.slf4j.jul.") || factory.contains("JDK14")) {
      return false;
    }
    LogManager.getLogManager().reset();
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.setLevel(Level.INFO);
    root.addHandler(new JulBridge());
    return true;
  }

  @Override
  public void publish(LogRecord record) {
    if (record == null) {
      return;
    }
    String name = record.getLoggerName() == null ? "jul" : record.getLoggerName();
    Logger logger = LoggerFactory.getLogger(name);
    int level = record.getLevel().intValue();
    String message = formatter.formatMessage(record);
    Throwable thrown = record.getThrown();
    if (level >= Level.SEVERE.intValue()) {
      logger.error(message, thrown);
    } else if (level >= Level.WARNING.intValue()) {
      logger.warn(message, thrown);
    } else if (level >= Level.INFO.intValue()) {
      logger.info(message, thrown);
    } else if (level >= Level.FINE.intValue()) {
      logger.debug(message, thrown);
    } else {
      logger.trace(message, thrown);
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "jul-to-slf4j";
  }
}
