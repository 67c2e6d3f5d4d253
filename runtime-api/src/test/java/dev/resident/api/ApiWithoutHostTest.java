package dev.resident.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resident.api.modules.ModulesServiceFactory;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

@DisplayName("R-API-6 with no host bound, every call fails with a clear IllegalStateException")
class ApiWithoutHostTest {

  static Stream<Arguments> calls() {
    return Stream.of(
        call("Environment.current()", Environment::current),
        call("LifecycleManager.isShuttingDown()", () -> LifecycleManager.getInstance().isShuttingDown()),
        call("LifecycleManager.setShutdownHook()", () -> LifecycleManager.getInstance().setShutdownHook(() -> {})),
        call("LifecycleManager.interruptAllRequests()", () -> LifecycleManager.getInstance().interruptAllRequests()),
        call("LifecycleManager.getRemainingShutdownTime()",
            () -> LifecycleManager.getInstance().getRemainingShutdownTime()),
        call("LifecycleManager.beginShutdown()", () -> LifecycleManager.getInstance().beginShutdown(10)),
        call("ThreadManager.currentRequestThreadFactory()", ThreadManager::currentRequestThreadFactory),
        call("ThreadManager.currentRequestThreadFactory()", () -> ThreadManager.createThreadForCurrentRequest(() -> {})),
        call("ThreadManager.backgroundThreadFactory()", ThreadManager::backgroundThreadFactory),
        call("ThreadManager.backgroundThreadFactory()", () -> ThreadManager.createBackgroundThread(() -> {})),
        call("RuntimeStats.current()", RuntimeStats::current),
        call("ModulesService.getCurrentModule()",
            () -> ModulesServiceFactory.getModulesService().getCurrentModule()),
        call("ModulesService.getCurrentInstanceId()",
            () -> ModulesServiceFactory.getModulesService().getCurrentInstanceId()),
        call("ModulesService.setNumInstances()",
            () -> ModulesServiceFactory.getModulesService().setNumInstances("m", "v", 2)),
        call("ModulesService.stopVersionAsync()",
            () -> ModulesServiceFactory.getModulesService().stopVersionAsync("m", "v")));
  }

  private static Arguments call(String name, ThrowingCallable callable) {
    return Arguments.of(name, callable);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void failsNamingTheCallAndTheThreadsThatMayMakeIt(String name, ThrowingCallable callable) {
    assertThatThrownBy(callable)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(name + " was called on thread \"" + Thread.currentThread().getName() + "\"")
        .hasMessageContaining("belongs to no Resident instance")
        .hasMessageContaining("request thread")
        .hasMessageContaining("ThreadManager")
        .hasMessageContaining("runtime-testing");
  }
}
