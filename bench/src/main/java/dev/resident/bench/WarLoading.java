package dev.resident.bench;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * R-CFG-7, R-WAR-5, R-PERF-3 for exploded WARs and EARs: (1) the time to read and check the descriptors
 * of a 10-module EAR (appengine-application.xml, application.xml, and per module appengine-web.xml and a
 * web.xml of ten servlets); (2) the time until every instance of a manual WAR version serves, and the
 * metaspace and classes each instance adds, at 20 and 200 instances with {@code class-loading} version
 * and instance. The WAR holds {@link StartServlet}, {@link HelloServlet} and {@link GateServlet} in its
 * {@code WEB-INF/classes}, all three loaded on startup by its own child-first loader.
 *
 * <p>Arguments: repetitions (3).
 */
public final class WarLoading {
  private static final List<String> CLASSES = List.of("StartServlet", "HelloServlet", "GateServlet");

  private WarLoading() {}

  public static void main(String[] args) throws Exception {
    int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path dir = Files.createTempDirectory("resident-war-bench");
    Path ear = ear(dir.resolve("ear"), 10);
    double[] loads = new double[Math.max(5, repetitions * 5)];
    for (int i = 0; i < loads.length; i++) {
      long begin = System.nanoTime();
      ConfigLoader.load(List.of(ear));
      loads[i] = (System.nanoTime() - begin) / 1e6;
    }
    Figures load = new Figures(loads);
    System.out.println(Figures.format("  10-module EAR, descriptors read and checked: %s ms over %d loads"
        + " (first %.0f ms, cold); median %.1f ms", load.range("%.1f"), loads.length, loads[0], load.median()));
    System.out.println("  target well under 1 s: " + Figures.verdict(load.max() < 1000) + " (worst load)");
    System.out.println("  (figures are median (min–max); the very first repetition below is the JVM's first host"
        + " and counts the host's own classes)");
    for (String loading : List.of("version", "instance")) {
      for (int instances : List.of(20, 200)) {
        Path war = war(dir.resolve("war-" + loading + "-" + instances), instances, loading);
        double[] starts = new double[repetitions];
        double[] metaspace = new double[repetitions];
        double[] classes = new double[repetitions];
        for (int rep = 0; rep < repetitions; rep++) {
          settle();
          long metaBefore = metaspaceUsed();
          long classesBefore = loadedClasses();
          try (ResidentHost host = ResidentHost.builder().config(war).port(0).stopOnJvmShutdown(false).build()) {
            long begin = System.nanoTime();
            host.start();
            InstanceStartStop.awaitServing(host, instances, begin);
            starts[rep] = (System.nanoTime() - begin) / 1e6;
            metaspace[rep] = (metaspaceUsed() - metaBefore) / 1024.0 / instances;
            classes[rep] = (loadedClasses() - classesBefore) / (double) instances;
          }
        }
        Figures start = new Figures(starts);
        System.out.println(Figures.format("  class-loading %-8s %3d instances serving: %s ms over %d repetitions;"
            + " metaspace per instance %s KiB; classes per instance %s", loading, instances, start.range("%.0f"), repetitions,
            new Figures(metaspace).range("%.1f"), new Figures(classes).range("%.1f")));
        if (instances == 200 && loading.equals("version")) {
          System.out.println("  target 200 instances < 2 s with class-loading version: "
              + Figures.verdict(start.max() < 2000) + " (worst repetition)");
        }
      }
    }
  }

  private static Path ear(Path ear, int modules) throws IOException {
    write(ear.resolve("META-INF/appengine-application.xml"),
        "<appengine-application xmlns=\"http://appengine.google.com/ns/1.0\">"
            + "<application>bench</application></appengine-application>");
    StringBuilder application = new StringBuilder("<application xmlns=\"http://java.sun.com/xml/ns/javaee\">\n");
    for (int m = 0; m < modules; m++) {
      String name = m == 0 ? "default" : "module-" + m;
      application.append("  <module><web><web-uri>").append(name).append("</web-uri></web></module>\n");
      StringBuilder web = new StringBuilder("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n");
      for (int s = 0; s < 10; s++) {
        web.append("  <servlet><servlet-name>s").append(s).append("</servlet-name><servlet-class>app.S").append(s)
            .append("</servlet-class><init-param><param-name>p</param-name><param-value>v</param-value>"
                + "</init-param></servlet>\n  <servlet-mapping><servlet-name>s").append(s)
            .append("</servlet-name><url-pattern>/s").append(s).append("/*</url-pattern></servlet-mapping>\n");
      }
      web.append("</web-app>\n");
      write(ear.resolve(name + "/WEB-INF/web.xml"), web.toString());
      write(ear.resolve(name + "/WEB-INF/appengine-web.xml"),
          "<appengine-web-app xmlns=\"http://appengine.google.com/ns/1.0\">\n  <module>" + name
              + "</module>\n  <version>v1</version>\n  <threadsafe>true</threadsafe>\n"
              + "  <manual-scaling><instances>2</instances></manual-scaling>\n"
              + "  <static-files><include path=\"**.css\" expiration=\"1d\"/></static-files>\n"
              + "</appengine-web-app>\n");
    }
    write(ear.resolve("META-INF/application.xml"), application.append("</application>\n").toString());
    return ear;
  }

  private static Path war(Path war, int instances, String loading) throws IOException {
    write(war.resolve("WEB-INF/appengine-web.xml"),
        "<appengine-web-app xmlns=\"http://appengine.google.com/ns/1.0\">\n  <version>v1</version>\n"
            + "  <manual-scaling><instances>" + instances + "</instances></manual-scaling>\n"
            + "  <resident><class-loading>" + loading + "</class-loading></resident>\n</appengine-web-app>\n");
    StringBuilder web = new StringBuilder("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n");
    for (String c : CLASSES) {
      web.append("  <servlet><servlet-name>").append(c).append("</servlet-name><servlet-class>dev.resident.bench.")
          .append(c).append("</servlet-class><load-on-startup>1</load-on-startup></servlet>\n");
    }
    web.append("  <servlet-mapping><servlet-name>StartServlet</servlet-name><url-pattern>/_ah/start</url-pattern>"
        + "</servlet-mapping>\n  <servlet-mapping><servlet-name>HelloServlet</servlet-name>"
        + "<url-pattern>/</url-pattern></servlet-mapping>\n</web-app>\n");
    write(war.resolve("WEB-INF/web.xml"), web.toString());
    for (String c : CLASSES) {
      try (InputStream in = WarLoading.class.getResourceAsStream(c + ".class")) {
        Path target = war.resolve("WEB-INF/classes/dev/resident/bench/" + c + ".class");
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      }
    }
    return war;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static void settle() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
  }

  private static long metaspaceUsed() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals("Metaspace")) {
        return pool.getUsage().getUsed();
      }
    }
    return 0;
  }

  private static long loadedClasses() {
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    return classes.getLoadedClassCount();
  }
}
