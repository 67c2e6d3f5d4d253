package dev.resident.undertow.classloading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class loaders of one WAR version (R-WAR-5). Each instance deployment takes a {@link Lease} and
 * gives it back when it stops. With {@code class_loading: version} the instances share one loader, made
 * for the first lease and closed when the last is given back, so a stopped version holds none; with
 * {@code instance} every lease has a loader of its own, closed with it.
 */
public final class WarLoaders {
  private static final Logger LOG = LoggerFactory.getLogger(WarLoaders.class);

  private final String description;
  private final URL[] urls;
  private final ClassLoader host;
  private final boolean perInstance;
  private WarClassLoader shared;
  private int sharedLeases;
  private int made;

  /**
   * Makes the loaders of a WAR.
   *
   * @param description names the version, such as {@code worker/v1}
   * @param war the WAR directory
   * @param host the host's class loader
   * @param perInstance whether every instance gets its own loader
   */
  public WarLoaders(String description, Path war, ClassLoader host, boolean perInstance) {
    this.description = description;
    this.urls = urls(war);
    this.host = host;
    this.perInstance = perInstance;
  }

  /** A loader held by one deployment; {@link #close()} gives it back. */
  public interface Lease extends AutoCloseable {
    /**
     * Returns the loader.
     *
     * @return the loader of the WAR's classes
     */
    ClassLoader loader();

    /** Gives the loader back; the second call does nothing. */
    @Override
    void close();
  }

  /**
   * Takes a loader for one deployment.
   *
   * @return the lease
   */
  public synchronized Lease acquire() {
    if (perInstance) {
      WarClassLoader own = newLoader();
      return new LoanedLoader(own, WarLoaders::close);
    }
    if (shared == null) {
      shared = newLoader();
    }
    sharedLeases++;
    return new LoanedLoader(shared, this::release);
  }

  /**
   * Makes a loader that no lease holds, such as for checking the classes web.xml names; the caller closes it.
   *
   * @return a new loader
   */
  public WarClassLoader temporary() {
    return new WarClassLoader(description + "#check", urls, host);
  }

  /**
   * Tells whether each instance gets its own loader.
   *
   * @return true for {@code class_loading: instance}
   */
  public boolean perInstance() {
    return perInstance;
  }

  private synchronized WarClassLoader newLoader() {
    made++;
    return new WarClassLoader(description + "#" + made, urls, host);
  }

  private synchronized void release(WarClassLoader loader) {
    if (--sharedLeases == 0 && shared == loader) {
      shared = null;
      close(loader);
    }
  }

  private static void close(WarClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      LOG.warn("{} did not close cleanly", loader, e);
    }
  }

  private static URL[] urls(Path war) {
    List<URL> urls = new ArrayList<>();
    Path classes = war.resolve("WEB-INF").resolve("classes");
    Path lib = war.resolve("WEB-INF").resolve("lib");
    try {
      if (Files.isDirectory(classes)) {
        urls.add(classes.toUri().toURL());
      }
      if (Files.isDirectory(lib)) {
        try (Stream<Path> jars = Files.list(lib)) {
          for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).sorted().toList()) {
            urls.add(jar.toUri().toURL());
          }
        }
      }
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return urls.toArray(URL[]::new);
  }

  @Override
  public String toString() {
    return "war-loaders(" + description + (perInstance ? ", per instance" : ", per version") + ")";
  }

  /** A loader lent to one deployment, given back once, as {@code giveBack} says. */
  private static final class LoanedLoader implements Lease {
    private final java.util.function.Consumer<WarClassLoader> giveBack;
    private WarClassLoader loader;

    LoanedLoader(WarClassLoader loader, java.util.function.Consumer<WarClassLoader> giveBack) {
      this.loader = loader;
      this.giveBack = giveBack;
    }

    @Override
    public synchronized ClassLoader loader() {
      if (loader == null) {
        throw new IllegalStateException("the lease was given back");
      }
      return loader;
    }

    @Override
    public synchronized void close() {
      if (loader != null) {
        giveBack.accept(loader);
        loader = null;
      }
    }
  }
}
