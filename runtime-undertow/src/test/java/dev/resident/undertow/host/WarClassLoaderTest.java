package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resident.undertow.classloading.WarClassLoader;
import dev.resident.undertow.classloading.WarLoaders;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarClassLoaderTest {

  @Test
  @DisplayName("R-WAR-5 child-first for the WAR's own classes, the host's for java, javax, jakarta.servlet, dev.resident.api and the host's packages")
  void delegation(@TempDir Path dir) throws Exception {
    Path classes = dir.resolve("WEB-INF/classes");
    WarDirs.compile(classes, Map.of(
        "org.assertj.core.util.Strings", "package org.assertj.core.util; public class Strings { public static final String WAR = \"war\"; }",
        "jakarta.servlet.Servlet", "package jakarta.servlet; public interface Servlet { String WAR = \"war\"; }",
        "dev.resident.api.LifecycleManager", "package dev.resident.api; public class LifecycleManager { public static final String WAR = \"war\"; }",
        "javax.servlet.Servlet", "package javax.servlet; public interface Servlet {}",
        "io.undertow.Fake", "package io.undertow; public class Fake {}"));
    try (WarClassLoader loader = new WarClassLoader("test", new URL[] {classes.toUri().toURL()},
        WarClassLoaderTest.class.getClassLoader())) {
      assertThat(loader.loadClass("org.assertj.core.util.Strings").getClassLoader()).isSameAs(loader);
      assertThat(org.assertj.core.util.Strings.class.getClassLoader()).isNotSameAs(loader);
      assertThat(loader.loadClass("jakarta.servlet.Servlet")).isSameAs(jakarta.servlet.Servlet.class);
      assertThat(loader.loadClass("dev.resident.api.LifecycleManager")).isSameAs(dev.resident.api.LifecycleManager.class);
      assertThat(loader.loadClass("java.lang.String")).isSameAs(String.class);
      assertThatThrownBy(() -> loader.loadClass("javax.servlet.Servlet")).isInstanceOf(ClassNotFoundException.class);
      assertThatThrownBy(() -> loader.loadClass("io.undertow.Fake")).isInstanceOf(ClassNotFoundException.class);
      assertThat(loader.getResource("org/assertj/core/util/Strings.class").getPath()).startsWith(classes.toString());
      assertThat(loader.getResource("jakarta/servlet/Servlet.class").getPath()).doesNotStartWith(classes.toString());
    }
  }

  @Test
  @DisplayName("R-WAR-5 version loaders are shared by leases and closed with the last; instance loaders are one per lease")
  void leases(@TempDir Path war) throws Exception {
    WarLoaders shared = new WarLoaders("v", war, getClass().getClassLoader(), false);
    WarLoaders.Lease a = shared.acquire();
    WarLoaders.Lease b = shared.acquire();
    assertThat(a.loader()).isSameAs(b.loader());
    ClassLoader first = a.loader();
    a.close();
    a.close();
    assertThat(b.loader()).isSameAs(first);
    b.close();
    WarLoaders.Lease c = shared.acquire();
    assertThat(c.loader()).isNotSameAs(first);
    c.close();
    assertThatThrownBy(c::loader).isInstanceOf(IllegalStateException.class);
    WarLoaders own = new WarLoaders("i", war, getClass().getClassLoader(), true);
    try (WarLoaders.Lease x = own.acquire(); WarLoaders.Lease y = own.acquire()) {
      assertThat(x.loader()).isNotSameAs(y.loader());
    }
  }
}
