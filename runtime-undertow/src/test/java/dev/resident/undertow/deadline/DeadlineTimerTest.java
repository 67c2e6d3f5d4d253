package dev.resident.undertow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host's deadline timer (R-REQ-5, R-REQ-6): lanes in time order, one clock task per lane. */
class DeadlineTimerTest {

  private final VirtualClock clock = new VirtualClock();
  private final DeadlineTimer timer = new DeadlineTimer(clock);
  private final List<String> fired = new ArrayList<>();

  @Test
  void sameDelaySharesOneLane() {
    assertThat(timer.lane(Duration.ofSeconds(60))).isSameAs(timer.lane(Duration.ofSeconds(60)));
    assertThat(timer.lane(Duration.ofSeconds(60))).isNotSameAs(timer.lane(Duration.ofSeconds(10)));
  }

  @Test
  void deadlinesFireAtTheirTimeNotBefore() {
    DeadlineTimer.Lane lane = timer.lane(Duration.ofSeconds(60));
    lane.start(() -> fired.add("a"));
    clock.advance(Duration.ofSeconds(1));
    lane.start(() -> fired.add("b"));

    clock.advance(Duration.ofMillis(58_999));
    assertThat(fired).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(fired).containsExactly("a");
    clock.advance(Duration.ofMillis(999));
    assertThat(fired).containsExactly("a");
    clock.advance(Duration.ofMillis(1));
    assertThat(fired).containsExactly("a", "b");
    assertThat(timer.pending()).isZero();
  }

  @Test
  void aLaneHoldsOneClockTaskHoweverManyDeadlines() {
    DeadlineTimer.Lane lane = timer.lane(Duration.ofSeconds(60));
    for (int i = 0; i < 1000; i++) {
      lane.start(() -> fired.add("x"));
      clock.advance(Duration.ofMillis(1));
    }
    assertThat(clock.pendingTasks()).isEqualTo(1);
    assertThat(timer.pending()).isEqualTo(1000);
  }

  @Test
  void cancelledDeadlinesNeverFireAndLeaveNothingBehind() {
    DeadlineTimer.Lane lane = timer.lane(Duration.ofSeconds(60));
    DeadlineTimer.Entry first = lane.start(() -> fired.add("first"));
    DeadlineTimer.Entry middle = lane.start(() -> fired.add("middle"));
    lane.start(() -> fired.add("last"));
    middle.cancel();
    first.cancel();
    first.cancel();
    assertThat(timer.pending()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(60));
    assertThat(fired).containsExactly("last");
    middle.cancel();
    assertThat(timer.pending()).isZero();
    assertThat(clock.pendingTasks()).isZero();
  }

  @Test
  void aDeadlineOutOfOrderIsLinkedInTimeOrderAndMovesTheClockTask() {
    DeadlineTimer.Lane lane = timer.lane(Duration.ofSeconds(60));
    long now = clock.nanoTime();
    lane.at(now + Duration.ofSeconds(60).toNanos(), () -> fired.add("60"));
    lane.at(now + Duration.ofSeconds(30).toNanos(), () -> fired.add("30"));
    lane.at(now + Duration.ofSeconds(45).toNanos(), () -> fired.add("45"));
    lane.at(now + Duration.ofSeconds(90).toNanos(), () -> fired.add("90"));

    clock.advance(Duration.ofSeconds(30));
    assertThat(fired).containsExactly("30");
    clock.advance(Duration.ofSeconds(60));
    assertThat(fired).containsExactly("30", "45", "60", "90");
  }

  @Test
  void lanesFireIndependently() {
    timer.lane(Duration.ofSeconds(60)).start(() -> fired.add("request"));
    timer.lane(Duration.ofSeconds(2)).start(() -> fired.add("grace"));
    clock.advance(Duration.ofSeconds(2));
    assertThat(fired).containsExactly("grace");
    clock.advance(Duration.ofSeconds(58));
    assertThat(fired).containsExactly("grace", "request");
  }

  @Test
  void anActionMaySetTheNextDeadlineOfItsLane() {
    DeadlineTimer.Lane lane = timer.lane(Duration.ofSeconds(5));
    lane.start(() -> {
      fired.add("soft");
      lane.start(() -> fired.add("hard"));
    });
    clock.advance(Duration.ofSeconds(5));
    assertThat(fired).containsExactly("soft");
    clock.advance(Duration.ofSeconds(5));
    assertThat(fired).containsExactly("soft", "hard");
  }
}
