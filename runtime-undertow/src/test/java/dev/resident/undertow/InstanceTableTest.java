package dev.resident.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.instance.InstanceState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InstanceTableTest {

  private static final InstanceInfo DEFAULT =
      new InstanceInfo("default", "v1", "-", InstanceState.STOPPED, "http://127.0.0.1:40001/");
  private static final InstanceInfo MEMDB =
      new InstanceInfo("memdb", "v1", "0", InstanceState.SERVING, "http://127.0.0.1:40002/");
  private static final InstanceInfo CRAWLER_STARTING =
      new InstanceInfo("crawler", "v1", "10", InstanceState.STARTING, "http://127.0.0.1:40003/");
  private static final InstanceInfo CRAWLER_SERVING =
      new InstanceInfo("crawler", "v1", "10", InstanceState.SERVING, "http://127.0.0.1:40003/");

  @Test
  @DisplayName("R-HOST-2: one aligned row per instance under MODULE, VERSION, INSTANCE, STATE, URL")
  void alignsColumns() {
    String table = InstanceTable.format("http://127.0.0.1:8080/", List.of(DEFAULT, MEMDB, CRAWLER_SERVING));

    assertThat(table).isEqualTo("""
        Resident is listening on http://127.0.0.1:8080/
        MODULE   VERSION  INSTANCE  STATE    URL
        default  v1       -         STOPPED  http://127.0.0.1:40001/
        memdb    v1       0         SERVING  http://127.0.0.1:40002/
        crawler  v1       10        SERVING  http://127.0.0.1:40003/
        """);
  }

  @Test
  @DisplayName("R-HOST-2: a column is as wide as its longest value, and no line ends with spaces")
  void widensToLongestValue() {
    InstanceInfo longName = new InstanceInfo(
        "mobile-frontend", "2024-01-release", "0", InstanceState.STOPPING, "http://[::1]:40004/");

    String table = InstanceTable.format("http://[::1]:8080/", List.of(longName, MEMDB));

    assertThat(table.lines()).containsExactly(
        "Resident is listening on http://[::1]:8080/",
        "MODULE           VERSION          INSTANCE  STATE     URL",
        "mobile-frontend  2024-01-release  0         STOPPING  http://[::1]:40004/",
        "memdb            v1               0         SERVING   http://127.0.0.1:40002/");
  }

  @Test
  @DisplayName("R-HOST-2: the header says how many instances are still starting")
  void saysWhenStillStarting() {
    assertThat(InstanceTable.format("http://127.0.0.1:8080/", List.of(MEMDB, CRAWLER_STARTING)).lines().findFirst())
        .hasValue("Resident is listening on http://127.0.0.1:8080/ (1 instance is still starting)");
    assertThat(InstanceTable.format("http://127.0.0.1:8080/", List.of(CRAWLER_STARTING, CRAWLER_STARTING))
        .lines().findFirst())
        .hasValue("Resident is listening on http://127.0.0.1:8080/ (2 instances are still starting)");
  }

  @Test
  @DisplayName("R-HOST-2: with no instance, the table is its header")
  void empty() {
    assertThat(InstanceTable.format("http://127.0.0.1:8080/", List.of()))
        .isEqualTo("Resident is listening on http://127.0.0.1:8080/\nMODULE  VERSION  INSTANCE  STATE  URL\n");
  }

  @Test
  @DisplayName("R-HOST-2, R-LIFE-1: the table waits for start requests that are still running, then shows them")
  void waitsWhileStarting() {
    AtomicInteger reads = new AtomicInteger();

    List<InstanceInfo> rows = InstanceTable.whenStarted(
        () -> reads.incrementAndGet() < 3 ? List.of(MEMDB, CRAWLER_STARTING) : List.of(MEMDB, CRAWLER_SERVING),
        Duration.ofSeconds(20));

    assertThat(rows).containsExactly(MEMDB, CRAWLER_SERVING);
    assertThat(reads).hasValue(3);
  }

  @Test
  @DisplayName("R-HOST-2: no wait when nothing is starting")
  void noWaitWhenSettled() {
    AtomicInteger reads = new AtomicInteger();

    List<InstanceInfo> rows = InstanceTable.whenStarted(() -> {
      reads.incrementAndGet();
      return List.of(DEFAULT, MEMDB);
    }, Duration.ofSeconds(20));

    assertThat(rows).containsExactly(DEFAULT, MEMDB);
    assertThat(reads).hasValue(1);
  }

  @Test
  @DisplayName("R-HOST-2: the wait is bounded; past the bound the rows show who is still starting")
  void boundedWait() {
    List<InstanceInfo> rows = InstanceTable.whenStarted(() -> List.of(MEMDB, CRAWLER_STARTING), Duration.ZERO);

    assertThat(rows).containsExactly(MEMDB, CRAWLER_STARTING);
  }
}
