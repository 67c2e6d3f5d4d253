package dev.resident.examples.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The App Engine app of {@code src/appengine}, converted by the recipe once per test run into
 * {@code target/test-conversion} ({@code src}, and the WAR directories {@code default} and {@code tally}), for
 * the tests to share.
 */
final class ConvertedApp {

  static final String SERVLET = "dev.resident.examples.migration.TallyServlet";
  static final Path ORIGINAL = Path.of("src/appengine");
  private static final Path OUT = Path.of("target/test-conversion");

  private static AppEngineConversion.Converted converted;

  private ConvertedApp() {}

  /** Runs the recipe and compiles its output the first time; returns the outcome. */
  static synchronized AppEngineConversion.Converted get() {
    if (converted == null) {
      try {
        converted = AppEngineConversion.convert(ORIGINAL, OUT.resolve("src"), OUT, "tally");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return converted;
  }

  /** The WAR directory of the default module. */
  static Path defaultWar() {
    return get().out().resolve("default");
  }

  /** The WAR directory of the tally module, with the converted classes. */
  static Path tallyWar() {
    return get().out().resolve("tally");
  }

  /** The converted {@code TallyServlet}, loaded from the WAR's classes, with Resident's API from the tests. */
  static final class Tally implements AutoCloseable {
    private final URLClassLoader loader;
    private final Object servlet;

    Tally(long flushMillis) {
      try {
        URL classes = tallyWar().resolve("WEB-INF/classes").toUri().toURL();
        loader = new URLClassLoader(new URL[] {classes}, ConvertedApp.class.getClassLoader());
        Constructor<?> constructor = loader.loadClass(SERVLET).getDeclaredConstructor(long.class);
        constructor.setAccessible(true);
        servlet = constructor.newInstance(flushMillis);
      } catch (MalformedURLException | ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot make the converted " + SERVLET, e);
      }
    }

    /** Which loader defined the servlet's class. */
    ClassLoader loader() {
      return servlet.getClass().getClassLoader();
    }

    /** {@code TallyServlet.start()}: registers the shutdown hook, starts the flusher. */
    void start() {
      call("start", new Class<?>[0]);
    }

    /** {@code TallyServlet.count(name)}. */
    long count(String name) {
      return (Long) call("count", new Class<?>[] {String.class}, name);
    }

    /** {@code TallyServlet.report()}. */
    String report() {
      return (String) call("report", new Class<?>[0]);
    }

    private Object call(String name, Class<?>[] types, Object... args) {
      try {
        Method method = servlet.getClass().getDeclaredMethod(name, types);
        method.setAccessible(true);
        return method.invoke(servlet, args);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException(name + " failed", e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("No " + name + " in " + SERVLET, e);
      }
    }

    @Override
    public void close() throws IOException {
      loader.close();
    }
  }
}
