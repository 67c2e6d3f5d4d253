package dev.resident.undertow;

import dev.resident.undertow.cluster.InstanceIdentity;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The command line of the launcher (R-HOST-2): {@code [--address A] [--port P] [--check] FILE...}.
 *
 * <p>An option's value follows it as the next argument or after {@code =} ({@code --port=8081}); {@code --}
 * ends the options, so a later argument is a file even if it starts with {@code -}.
 *
 * @param address the address every port binds to
 * @param port the main port, 0 for an ephemeral one
 * @param check whether to validate the files only
 * @param help whether to print the usage only
 * @param files the yaml files (the default module's first) and WAR or EAR directories; empty only with
 *     {@code help}
 * @param instance the one instance to run ({@code --instance}, R-DIST-1), or null for every instance
 * @param manifests where {@code --kubernetes-manifests} writes the cluster objects (R-DIST-3), or null to run
 * @param image the container image of the manifests ({@code --image}), or null for the default
 * @param namespace the namespace of the manifests ({@code --namespace}), or null for the default
 * @param accessLog the file the access lines are appended to ({@code --access-log}), or null for the logger
 *     {@code dev.resident.access}
 */
record LaunchOptions(String address, int port, boolean check, boolean help, List<Path> files,
    InstanceIdentity instance, Path manifests, String image, String namespace, Path accessLog) {

  static final String DEFAULT_ADDRESS = "127.0.0.1";
  static final int DEFAULT_PORT = 8080;

  static final String SYNOPSIS =
      "Usage: java -cp <app classpath> dev.resident.undertow.Main [--address A] [--port P] [--check] FILE...";

  static final String USAGE = SYNOPSIS + """

         or: java -cp <app classpath> dev.resident.undertow.Main [--address A] [--port P]
               --instance MODULE/VERSION[/ID] FILE...
         or: java -cp <app classpath> dev.resident.undertow.Main --kubernetes-manifests DIR [--image IMAGE]
               [--namespace NS] FILE...

      Runs the modules, versions and instances of an App Engine application on Resident, prints a table of
      every instance with its state and URL, and runs until SIGINT or SIGTERM stops every instance gracefully.

        FILE           module yaml, backends.yaml and dispatch.yaml files, the default module's first
                       (app.yaml my-module.yaml backends.yaml dispatch.yaml), or exploded WAR directories
                       (WEB-INF/appengine-web.xml) and EAR directories (META-INF/application.xml)
        --address A    the address every port binds to; default 127.0.0.1, 0.0.0.0 for every interface
        --port P       the main port, 0 for an ephemeral one; default 8080
        --check        validate the files, print every problem and exit without starting anything
        --instance MODULE/VERSION[/ID]
                       run only that instance, on the main port, as one process of a cluster does; default
                       $RESIDENT_INSTANCE. Without ID a manual or basic instance takes the number at the end of
                       $HOSTNAME (a StatefulSet's pod worker-v1-3 is instance 3). Inside a Kubernetes pod, with
                       runtime-kubernetes on the class path, ModulesService reads and scales the cluster.
        --access-log FILE
                       append the access lines to FILE, buffered, instead of the logger dev.resident.access
        --kubernetes-manifests DIR
                       write the application's Kubernetes and Knative objects into DIR, one file each, and exit
                       (needs dev.resident:runtime-kubernetes on the class path)
        --image IMAGE  the container image of the manifests; default resident-app:latest
        --namespace NS the namespace of the manifests; default default
        -h, --help     print this help and exit

      Exit status: 0 after a stop by SIGINT or SIGTERM, or when --check finds the files valid;
      1 when the configuration has errors or the host cannot start; 2 on a wrong command line.
      """;

  LaunchOptions {
    Objects.requireNonNull(address, "address");
    files = List.copyOf(files);
  }

  /**
   * Reads a command line.
   *
   * @param args the arguments of {@code main}
   * @return the options; when {@code -h} or {@code --help} is among the options, only {@code help} is set and
   *     nothing else is checked
   * @throws UsageException naming the argument that is wrong and what is allowed
   */
  static LaunchOptions parse(String... args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      }
      if (arg.equals("-h") || arg.equals("--help")) {
        return new LaunchOptions(DEFAULT_ADDRESS, DEFAULT_PORT, false, true, List.of(), null, null, null, null,
            null);
      }
    }
    String address = null;
    Integer port = null;
    boolean check = false;
    InstanceIdentity instance = null;
    Path manifests = null;
    String image = null;
    String namespace = null;
    Path accessLog = null;
    List<Path> files = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    boolean optionsEnded = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (optionsEnded || !arg.startsWith("-")) {
        files.add(file(arg));
        continue;
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      String inline = equals < 0 ? null : arg.substring(equals + 1);
      switch (name) {
        case "--" -> optionsEnded = true;
        case "--check" -> {
          if (inline != null) {
            throw new UsageException("--check takes no value, found \"" + arg + "\"");
          }
          once(seen, name);
          check = true;
        }
        case "--address", "--port", "--instance", "--kubernetes-manifests", "--image", "--namespace",
            "--access-log" -> {
          once(seen, name);
          String value = inline;
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new UsageException(name + " needs a value");
            }
            value = args[++i];
          }
          switch (name) {
            case "--port" -> port = port(value);
            case "--address" -> address = address(value);
            case "--instance" -> instance = instance(value);
            case "--kubernetes-manifests" -> manifests = directory(value);
            case "--image" -> image = nonBlank(name, value);
            case "--access-log" -> accessLog = accessLogFile(value);
            default -> namespace = nonBlank(name, value);
          }
        }
        default -> throw new UsageException("unknown option " + name + "; options are --address, --port, --check,"
            + " --instance, --access-log, --kubernetes-manifests, --image, --namespace and --help");
      }
    }
    if (files.isEmpty()) {
      throw new UsageException("no FILE given; name the default module's yaml file first, such as app.yaml");
    }
    if (manifests == null && (image != null || namespace != null)) {
      throw new UsageException((image != null ? "--image" : "--namespace") + " needs --kubernetes-manifests");
    }
    if (manifests != null && (check || instance != null)) {
      throw new UsageException("--kubernetes-manifests writes files and exits; it cannot go with "
          + (check ? "--check" : "--instance"));
    }
    return new LaunchOptions(address == null ? DEFAULT_ADDRESS : address, port == null ? DEFAULT_PORT : port,
        check, false, files, instance, manifests, image, namespace, accessLog);
  }

  private static InstanceIdentity instance(String value) {
    try {
      return InstanceIdentity.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--instance: " + e.getMessage());
    }
  }

  private static Path directory(String value) {
    try {
      if (!value.isBlank()) {
        return Path.of(value);
      }
    } catch (InvalidPathException e) {
      // Reported below, as an empty name is.
    }
    throw new UsageException("--kubernetes-manifests must be a directory, found \"" + value + "\"");
  }

  private static String nonBlank(String option, String value) {
    if (value.isBlank()) {
      throw new UsageException(option + " needs a value, found \"" + value + "\"");
    }
    return value;
  }

  private static void once(Set<String> seen, String option) {
    if (!seen.add(option)) {
      throw new UsageException(option + " is given twice");
    }
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below, with the same message as a number out of range.
    }
    throw new UsageException("--port must be an integer from 0 to 65535, found \"" + value + "\"");
  }

  private static String address(String value) {
    if (value.isBlank()) {
      throw new UsageException("--address must be an IP address or host name, found \"" + value + "\"");
    }
    return value;
  }

  private static Path accessLogFile(String value) {
    try {
      if (!value.isBlank()) {
        return Path.of(value);
      }
    } catch (InvalidPathException e) {
      // Reported below, as an empty name is.
    }
    throw new UsageException("--access-log must be a file path, found \"" + value + "\"");
  }

  private static Path file(String arg) {
    try {
      if (!arg.isBlank()) {
        return Path.of(arg);
      }
    } catch (InvalidPathException e) {
      // Reported below, as an empty name is.
    }
    throw new UsageException("FILE must be a path to a yaml file, found \"" + arg + "\"");
  }

  /** A command line the launcher cannot run; the message says which argument and why. */
  static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
