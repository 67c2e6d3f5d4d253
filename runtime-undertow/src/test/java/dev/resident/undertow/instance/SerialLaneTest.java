package dev.resident.undertow.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The serial lane that owns a version's lifecycle state (R-REL-2). */
class SerialLaneTest {

  @Test
  @DisplayName("R-REL-2 tasks given from many threads run one at a time, each thread's in the order given")
  void oneAtATimeInOrder() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      SerialLane lane = new SerialLane("test", pool);
      AtomicInteger running = new AtomicInteger();
      AtomicInteger overlaps = new AtomicInteger();
      List<String> order = new CopyOnWriteArrayList<>();
      CompletableFuture<?>[] givers = new CompletableFuture<?>[4];
      for (int g = 0; g < givers.length; g++) {
        int giver = g;
        givers[g] = CompletableFuture.runAsync(() -> {
          for (int i = 0; i < 500; i++) {
            int task = i;
            lane.execute(() -> {
              if (running.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
              }
              order.add(giver + ":" + task);
              running.decrementAndGet();
            });
          }
        }, pool);
      }
      CompletableFuture.allOf(givers).get(20, TimeUnit.SECONDS);
      lane.submit(() -> CompletableFuture.completedFuture(null)).get(20, TimeUnit.SECONDS);

      assertThat(overlaps).hasValue(0);
      assertThat(order).hasSize(2000);
      for (int g = 0; g < givers.length; g++) {
        String prefix = g + ":";
        assertThat(order.stream().filter(t -> t.startsWith(prefix)).map(t -> Integer.parseInt(t.substring(2))))
            .isSorted();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("R-REL-2 a task knows it runs on its lane; a task it gives runs after it, not inside it")
  void nestedTasksQueue() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      SerialLane lane = new SerialLane("test", pool);
      List<String> order = new CopyOnWriteArrayList<>();
      CompletableFuture<Boolean> inLane = new CompletableFuture<>();
      lane.execute(() -> {
        boolean onLane = lane.inLane();
        lane.execute(() -> order.add("inner"));
        order.add("outer");
        inLane.complete(onLane);
      });
      assertThat(inLane.get(20, TimeUnit.SECONDS)).isTrue();
      lane.submit(() -> CompletableFuture.completedFuture(null)).get(20, TimeUnit.SECONDS);
      assertThat(order).containsExactly("outer", "inner");
      assertThat(lane.inLane()).isFalse();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("R-REL-4 once the pool is shut down, tasks run on the thread that gives them; a failing task does not stop the lane")
  void afterShutdownTasksRunInPlace() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    pool.shutdown();
    SerialLane lane = new SerialLane("test", pool);
    List<String> ran = new CopyOnWriteArrayList<>();
    lane.execute(() -> {
      throw new IllegalStateException("thrown on purpose");
    });
    lane.execute(() -> ran.add(Thread.currentThread().getName()));
    assertThat(ran).containsExactly(Thread.currentThread().getName());
    CompletableFuture<Object> failed = lane.submit(() -> {
      throw new IllegalArgumentException("also on purpose");
    });
    assertThat(failed).isCompletedExceptionally();
  }
}
