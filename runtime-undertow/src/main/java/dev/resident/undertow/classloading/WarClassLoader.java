package dev.resident.undertow.classloading;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of a WAR (R-WAR-5): {@code WEB-INF/classes} and {@code WEB-INF/lib/*.jar}, child-first
 * as the Servlet specification recommends, except the classes that must be the host's:
 * {@code java.*}, {@code javax.*} (the JDK's, so a {@code javax.servlet} class is never found),
 * {@code jakarta.servlet.*}, {@code dev.resident.api.*} and the host's own ({@code dev.resident.undertow.*},
 * {@code io.undertow.*}, {@code org.xnio.*}, {@code org.jboss.logging.*}, {@code org.slf4j.*}).
 */
public final class WarClassLoader extends URLClassLoader {
  private static final List<String> HOST = List.of("java.", "javax.", "jdk.", "sun.", "jakarta.servlet.",
      "dev.resident.api.", "dev.resident.undertow.", "io.undertow.", "org.xnio.", "org.jboss.logging.",
      "org.slf4j.");

  static {
    registerAsParallelCapable();
  }

  private final String description;

  /**
   * Makes a loader.
   *
   * @param description names the loader, such as {@code worker/v1}
   * @param urls the classes directory and jars
   * @param host the host's loader, the parent
   */
  public WarClassLoader(String description, URL[] urls, ClassLoader host) {
    super("war:" + description, urls, host);
    this.description = description;
  }

  /**
   * Tells whether a class always comes from the host.
   *
   * @param name a binary class name
   * @return true for the host's packages
   */
  public static boolean isHostClass(String name) {
    for (String prefix : HOST) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        if (isHostClass(name)) {
          c = getParent().loadClass(name);
        } else {
          try {
            c = findClass(name);
          } catch (ClassNotFoundException e) {
            c = getParent().loadClass(name);
          }
        }
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  @Override
  public URL getResource(String name) {
    if (isHostClass(name.replace('/', '.'))) {
      return getParent().getResource(name);
    }
    URL own = findResource(name);
    return own != null ? own : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    List<URL> all = new ArrayList<>();
    if (!isHostClass(name.replace('/', '.'))) {
      all.addAll(Collections.list(findResources(name)));
    }
    all.addAll(Collections.list(getParent().getResources(name)));
    return Collections.enumeration(all);
  }

  @Override
  public String toString() {
    return "war-class-loader(" + description + ")";
  }
}
