package dev.resident.undertow.host;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple's logging with an MDC that keeps its values (slf4j-simple's own keeps nothing), so that tests
 * can read what Resident puts in the MDC. Named by the {@code slf4j.provider} system property in the
 * surefire configuration.
 */
public final class SimpleLoggingWithMdc extends SimpleServiceProvider {

  private final MDCAdapter mdc = new BasicMDCAdapter();

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }
}
