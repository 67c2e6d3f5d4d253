package dev.resident.undertow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-CFG-5 as properties: whatever yaml the loader is given (valid files mutated, random text), it returns
 * or throws a {@link ConfigException}, and every problem it reports names a file given and a line and
 * column in it. Each case comes from its own seed, which a failure names; {@code
 * -Dresident.properties.seed=S} makes the first case of every property that seed, to replay it.
 */
class ConfigLoaderPropertiesTest {

  private static final int TRIES = 300;
  private static final long BASE_SEED =
      Long.getLong("resident.properties.seed", new SecureRandom().nextLong());

  /** A default module with every section the module reader knows. */
  static final String APP_YAML = """
      application: props
      version: v1
      runtime: java17
      threadsafe: true
      instance_class: B4
      manual_scaling:
        instances: 2
      handlers:
      - url: /tasks/*
        servlet: com.example.TaskServlet
        login: admin
      - url: /*
        filter: com.example.AuthFilter
      - url: /static
        static_dir: web/static
      env_variables:
        COLOR: blue
      resident:
        request_deadline: 1.5s
        deadline_grace: 250ms
        task_deadline: 1h
        pending_timeout: 2s
        max_pending_requests: 5
        shutdown_grace: 5m
        start_retry_backoff: 100ms
        max_background_threads: 3
        max_concurrent_requests: 4
        port: 8081
        instance_ports: 9000
        max_request_body: 1MB
        max_header_size: 16KB
        max_response_size: 2048
        domain: example.com
        admin_token: s3cret
        request_parse_timeout: 20s
        idle_timeout: 2m
      """;

  /** A second module, automatic. */
  static final String WORKER_YAML = """
      application: props
      module: worker
      version: uno
      automatic_scaling:
        min_idle_instances: 2
        max_idle_instances: automatic
        min_pending_latency: 30ms
        max_pending_latency: 1s
        max_concurrent_requests: 10
      """;

  /** A third module, basic. */
  static final String BATCH_YAML = """
      service: batch
      version: b1
      instance_class: B2
      basic_scaling:
        max_instances: 3
        idle_timeout: 10m
      """;

  static final String BACKENDS_YAML = """
      backends:
      - name: memdb
        class: B8
        instances: 5
      - name: loader
        class: B4
        instances: 3
        options: public, failfast
        start: /loader/start
      - name: cmdline
        options: dynamic
      """;

  static final String DISPATCH_YAML = """
      application: props
      dispatch:
      - url: "*/work/*"
        module: worker
      - url: "example.com/batch/*"
        module: batch
      - url: "*/favicon.ico"
        module: default
      """;

  private static final String YAML_CHARACTERS = ":- \n[]{}abc0123&*!|'\"#\t";
  private static final List<String> NAMES =
      List.of("app.yaml", "worker.yaml", "batch.yaml", "backends.yaml", "dispatch.yaml");
  private static final List<String> SEEDS = List.of(APP_YAML, WORKER_YAML, BATCH_YAML, BACKENDS_YAML, DISPATCH_YAML);

  @Test
  @DisplayName("R-CFG-5 mutated seed-like files load or fail with problems that all name file, line and column")
  void mutatedFilesGiveLocatedProblems() {
    for (int i = 0; i < TRIES; i++) {
      mutatedFiles(BASE_SEED + i);
    }
  }

  private static void mutatedFiles(long seed) {
    Random random = new Random(seed);
    YamlMutator mutator = new YamlMutator(random);
    List<ConfigSource> sources = new ArrayList<>();
    for (int i = 0; i < SEEDS.size(); i++) {
      if (i > 0 && random.nextInt(3) == 0) {
        continue;
      }
      String text = random.nextInt(3) == 0 ? SEEDS.get(i) : mutator.mutate(SEEDS.get(i));
      sources.add(new ConfigSource(NAMES.get(i), text));
    }
    assertLoadsOrLocates(sources, seed);
  }

  @Test
  @DisplayName("R-CFG-5 random text in any of the files fails with problems that all name file, line and column")
  void randomTextGivesLocatedProblems() {
    for (int i = 0; i < TRIES; i++) {
      randomText(BASE_SEED + i, i % NAMES.size());
    }
  }

  private static void randomText(long seed, int kind) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(400);
    for (int i = 0; i < length; i++) {
      text.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x3000)
          : YAML_CHARACTERS.charAt(random.nextInt(YAML_CHARACTERS.length())));
    }
    List<ConfigSource> sources = new ArrayList<>();
    if (kind != 0) {
      sources.add(new ConfigSource("app.yaml", APP_YAML));
    }
    sources.add(new ConfigSource(NAMES.get(kind), text.toString()));
    assertLoadsOrLocates(sources, seed);
  }

  @Test
  @DisplayName("R-CFG-5 every combination of the valid files loads")
  void validSeedsLoad() {
    for (int subset = 1; subset <= 31; subset++) {
      validSubset(subset);
    }
  }

  private static void validSubset(int subset) {
    List<ConfigSource> sources = new ArrayList<>();
    sources.add(new ConfigSource("app.yaml", APP_YAML));
    for (int i = 1; i < SEEDS.size(); i++) {
      if ((subset & (1 << (i - 1))) != 0) {
        sources.add(new ConfigSource(NAMES.get(i), SEEDS.get(i)));
      }
    }
    boolean dispatch = (subset & 8) != 0;
    boolean modules = (subset & 1) != 0 && (subset & 2) != 0;
    if (dispatch && !modules) {
      return;
    }
    assertThat(ConfigLoader.load(sources, List.of()).application().modules()).isNotEmpty();
  }

  private static void assertLoadsOrLocates(List<ConfigSource> sources, long seed) {
    Set<String> files = sources.stream().map(ConfigSource::name).collect(Collectors.toSet());
    List<ConfigProblem> problems;
    try {
      problems = ConfigLoader.load(sources, List.of()).warnings();
    } catch (ConfigException e) {
      problems = e.problems();
      assertThat(problems).as("a ConfigException has problems (seed %d)", seed).isNotEmpty();
      assertThat(problems).as("it has an error (seed %d)", seed).anyMatch(ConfigProblem::isError);
    }
    for (ConfigProblem problem : problems) {
      assertThat(files).as("the file of %s (seed %d)", problem, seed).contains(problem.file());
      assertThat(problem.line()).as("the line of %s (seed %d)", problem, seed).isPositive();
      assertThat(problem.column()).as("the column of %s (seed %d)", problem, seed).isPositive();
      assertThat(problem.message()).as("the message (seed %d)", seed).isNotBlank();
    }
  }
}
