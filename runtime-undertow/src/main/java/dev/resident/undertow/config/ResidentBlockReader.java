package dev.resident.undertow.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code resident:} block of a module yaml file: Resident's overrides of App Engine's timings
 * and limits, and the application-wide {@code domain}, {@code admin_token}, {@code request_parse_timeout}
 * and {@code idle_timeout} (R-CFG-6, R-SEC-4).
 */
final class ResidentBlockReader {
  private static final String BLOCK = "resident";
  private static final KeySet KEYS =
      KeySet.of(
          "request_deadline",
          "deadline_grace",
          "task_deadline",
          "pending_timeout",
          "max_pending_requests",
          "shutdown_grace",
          "start_retry_backoff",
          "max_background_threads",
          "max_concurrent_requests",
          "port",
          "instance_ports",
          "max_request_body",
          "max_header_size",
          "max_response_size",
          "domain",
          "admin_token",
          "request_parse_timeout",
          "idle_timeout",
          "trusted_proxies",
          "authenticator",
          "admins",
          "login_url",
          "internal_secret_file",
          "https_port",
          "tls_keystore",
          "tls_keystore_password",
          "tls_certificate",
          "tls_key");

  /** The largest {@code max_header_size}. */
  static final long MAX_HEADER_SIZE = 1L << 20;

  private static final Duration MS = Duration.ofMillis(1);

  /** Stands for {@code none}; a written deadline is at least 1ms. */
  private static final Duration NO_DEADLINE = Duration.ZERO;
  private static final Rule<Duration> AT_LEAST_ZERO = Rules.duration(Duration.ZERO, null);
  private static final Rule<Duration> POSITIVE = Rules.duration(MS, null);
  private static final Rule<Integer> COUNT = Rules.integer(0, Integer.MAX_VALUE);
  private static final Rule<Integer> PORT = Rules.integer(0, 65535);
  private static final Rule<Long> SIZE = Rules.size(1, Long.MAX_VALUE);
  private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?";
  private static final Rule<Duration> CONNECTION_DURATION =
      Rules.duration(ConnectionTimeouts.MIN, ConnectionTimeouts.MAX);
  /** A connection timeout, kept in its shortest written form so that files agree on equal values. */
  private static final Rule<String> CONNECTION_TIMEOUT = new Rule<>(
      CONNECTION_DURATION.allowed(),
      scalar -> CONNECTION_DURATION.reader().apply(scalar).map(DurationSyntax::format));
  private static final Rule<String> DOMAIN =
      Rules.text(
          "a domain name such as example.com",
          Pattern.compile(LABEL + "(\\." + LABEL + ")*"));

  private ResidentBlockReader() {}

  /**
   * The {@code resident:} block of a file.
   *
   * @param settings the version's timings and limits, App Engine's defaults where not overridden
   * @param maxConcurrentRequests {@code resident.max_concurrent_requests} when given; null otherwise
   * @param appWide {@code resident.domain}, {@code resident.admin_token} and the connection timeouts when
   *     given
   */
  record Result(
      ResidentSettings settings, Located<Integer> maxConcurrentRequests, List<AppWideSetting> appWide) {}

  /**
   * Reads the {@code resident:} block of a module yaml file.
   *
   * @param root the top mapping of the file
   * @param module the module the file configures
   * @param scaling the scaling type of the version
   * @return the settings; the defaults of the scaling type when the block is absent
   */
  static Result read(Section root, String module, ScalingType scaling) {
    ResidentSettings d = ResidentSettings.defaultsFor(scaling);
    Optional<Section> block = root.section(BLOCK, KEYS);
    if (block.isEmpty()) {
      return new Result(d, null, List.of());
    }
    Section s = block.get();
    Duration requestDeadline =
        s.get("request_deadline", POSITIVE.orKeyword("none", NO_DEADLINE), d.requestDeadline());
    if (NO_DEADLINE.equals(requestDeadline)) {
      requestDeadline = null;
    }
    ResidentSettings settings =
        new ResidentSettings(
            requestDeadline,
            s.get("task_deadline", POSITIVE, d.taskDeadline()),
            s.get("deadline_grace", AT_LEAST_ZERO, d.deadlineGrace()),
            s.get("pending_timeout", AT_LEAST_ZERO, d.pendingTimeout()),
            s.get("max_pending_requests", COUNT, d.maxPendingRequests()),
            s.get("shutdown_grace", AT_LEAST_ZERO, d.shutdownGrace()),
            s.get(
                "start_retry_backoff",
                Rules.duration(MS, ResidentSettings.MAX_START_RETRY_BACKOFF),
                d.startRetryBackoff()),
            s.get("max_background_threads", COUNT, d.maxBackgroundThreads()),
            s.get("port", PORT, d.port()),
            s.get("instance_ports", PORT, d.instancePorts()),
            s.get("max_request_body", SIZE, d.maxRequestBodyBytes()),
            s.get("max_header_size", Rules.size(1, MAX_HEADER_SIZE), (long) d.maxHeaderBytes())
                .intValue(),
            s.get("max_response_size", SIZE, d.maxResponseBytes()));
    Located<Integer> concurrency =
        s.located("max_concurrent_requests", Rules.integer(1, Concurrency.MAX_MANUAL_OR_BASIC))
            .orElse(null);
    if (concurrency != null && scaling == ScalingType.AUTOMATIC) {
      s.reject(
          "max_concurrent_requests",
          "set for manual or basic scaling only (automatic scaling reads"
              + " automatic_scaling.max_concurrent_requests)");
      concurrency = null;
    }
    List<AppWideSetting> appWide = new ArrayList<>();
    appWideSetting(s, "domain", DOMAIN, false, module).ifPresent(appWide::add);
    appWideSetting(s, "admin_token", Rules.STRING, true, module).ifPresent(appWide::add);
    appWideSetting(s, "request_parse_timeout", CONNECTION_TIMEOUT, false, module).ifPresent(appWide::add);
    appWideSetting(s, "idle_timeout", CONNECTION_TIMEOUT, false, module).ifPresent(appWide::add);
    appWide.addAll(SecurityBlockReader.read(s, module));
    return new Result(settings, concurrency, appWide);
  }

  static Optional<AppWideSetting> appWideSetting(
      Section s, String key, Rule<String> rule, boolean secret, String module) {
    Optional<Located<String>> value = s.located(key, rule);
    if (value.isPresent() && !module.equals(ApplicationConfig.DEFAULT_MODULE)) {
      s.problems()
          .mustBe(
              value.get().origin(),
              s.field(key),
              "set in the default module's file only",
              "it in module \"" + module + "\"");
      return Optional.empty();
    }
    return value.map(v -> new AppWideSetting(s.field(key), v.value(), v.origin(), secret));
  }
}
