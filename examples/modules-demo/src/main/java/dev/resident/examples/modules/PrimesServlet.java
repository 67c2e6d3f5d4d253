package dev.resident.examples.modules;

import dev.resident.api.Environment;
import dev.resident.api.LifecycleManager;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servlet of {@code my-module}, a resident (manual scaling) B8 instance: its start request builds a
 * table of the primes below {@value #LIMIT} in memory, once, and {@code GET /primes/{n}} answers from it for
 * as long as the instance lives. The shutdown hook reports how many lookups the table served.
 */
public final class PrimesServlet extends HttpServlet {

  /** The table covers the numbers below this. */
  static final int LIMIT = 10_000_000;

  private static final Logger LOG = LoggerFactory.getLogger(PrimesServlet.class);

  private volatile BitSet composite;
  private volatile int primes;
  private final AtomicLong lookups = new AtomicLong();

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI();
    response.setContentType("text/plain; charset=UTF-8");
    if (path.equals("/_ah/start")) {
      start();
      response.getWriter().print(where() + " built its table of " + primes + " primes\n");
    } else if (path.startsWith("/primes/") && composite != null) {
      response.getWriter().print(lookup(path.substring("/primes/".length())) + "\n");
    } else {
      response.getWriter().print(where() + ": " + primes + " primes below " + LIMIT + " in memory since its start, "
          + lookups.get() + " lookups served; try /primes/97\n");
    }
  }

  private void start() {
    BitSet sieve = new BitSet(LIMIT);
    sieve.set(0, 2);
    for (int p = 2; (long) p * p < LIMIT; p = sieve.nextClearBit(p + 1)) {
      for (int multiple = p * p; multiple < LIMIT; multiple += p) {
        sieve.set(multiple);
      }
    }
    primes = LIMIT - sieve.cardinality();
    composite = sieve;
    String where = where();
    LifecycleManager.getInstance().setShutdownHook(
        () -> LOG.info("{} shutting down after {} lookups", where, lookups.get()));
  }

  private String lookup(String number) {
    long served = lookups.incrementAndGet();
    int n;
    try {
      n = Integer.parseInt(number);
    } catch (NumberFormatException e) {
      return number + " is not a number";
    }
    if (n < 0 || n >= LIMIT) {
      return "the table covers 0 to " + (LIMIT - 1);
    }
    return n + (composite.get(n) ? " is not prime" : " is prime") + " (" + where() + ", lookup " + served + ")";
  }

  private static String where() {
    Environment here = Environment.current();
    return here.getModuleId() + "/" + here.getVersionId() + "/" + here.getInstanceId();
  }
}
