package dev.resident.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.resident.api.modules.ModulesService;
import dev.resident.api.modules.ModulesServiceFactory;
import dev.resident.api.spi.LifecycleControl;
import dev.resident.api.spi.RuntimeBinding;
import dev.resident.api.spi.RuntimeContext;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApiWithFakeHostTest {

  private final RuntimeContext context = mock(RuntimeContext.class);
  private final LifecycleControl lifecycle = mock(LifecycleControl.class);
  private final ModulesService modules = mock(ModulesService.class);
  private final Environment environment = mock(Environment.class);
  private RuntimeBinding binding;

  @BeforeEach
  void bind() {
    when(context.lifecycle()).thenReturn(lifecycle);
    when(context.modulesService()).thenReturn(modules);
    when(context.environment()).thenReturn(environment);
    binding = RuntimeBinding.bind(context);
  }

  @AfterEach
  void unbind() {
    binding.close();
  }

  @Test
  @DisplayName("R-API-1 LifecycleManager passes each call to the bound instance's lifecycle")
  void lifecycleManagerDelegates() {
    when(lifecycle.isShuttingDown()).thenReturn(true);
    when(lifecycle.getRemainingShutdownTime()).thenReturn(1234L);
    LifecycleManager.ShutdownHook hook = () -> {};

    LifecycleManager manager = LifecycleManager.getInstance();
    manager.setShutdownHook(hook);
    manager.interruptAllRequests();
    manager.beginShutdown(500);

    assertThat(manager.isShuttingDown()).isTrue();
    assertThat(manager.getRemainingShutdownTime()).isEqualTo(1234L);
    assertThat(LifecycleManager.getInstance()).isSameAs(manager);
    verify(lifecycle).setShutdownHook(hook);
    verify(lifecycle).interruptAllRequests();
    verify(lifecycle).beginShutdown(500);
  }

  @Test
  @DisplayName("R-API-1 beginShutdown rejects a negative grace before reaching the host")
  void beginShutdownRejectsNegativeGrace() {
    assertThatThrownBy(() -> LifecycleManager.getInstance().beginShutdown(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("graceMillis must be zero or more, found -1");
    verify(lifecycle, never()).beginShutdown(-1);
  }

  @Test
  @DisplayName("R-API-2 ThreadManager creates threads with the bound factories, unstarted")
  void threadManagerUsesBoundFactories() {
    Thread background = new Thread(() -> {});
    Thread request = new Thread(() -> {});
    ThreadFactory backgroundFactory = r -> background;
    ThreadFactory requestFactory = r -> request;
    when(context.backgroundThreadFactory()).thenReturn(backgroundFactory);
    when(context.requestThreadFactory()).thenReturn(requestFactory);

    assertThat(ThreadManager.createBackgroundThread(() -> {})).isSameAs(background);
    assertThat(ThreadManager.createThreadForCurrentRequest(() -> {})).isSameAs(request);
    assertThat(ThreadManager.backgroundThreadFactory()).isSameAs(backgroundFactory);
    assertThat(ThreadManager.currentRequestThreadFactory()).isSameAs(requestFactory);
    assertThat(background.getState()).isEqualTo(Thread.State.NEW);
  }

  @Test
  @DisplayName("R-BG-1 a host's refusal of background threads reaches the caller")
  void backgroundRefusalReachesCaller() {
    when(context.backgroundThreadFactory())
        .thenThrow(new IllegalStateException("background threads need manual or basic scaling"));
    assertThatThrownBy(() -> ThreadManager.createBackgroundThread(() -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("background threads need manual or basic scaling");
  }

  @Test
  @DisplayName("R-API-3 the factory's ModulesService answers for whichever instance is bound at call time")
  void modulesServiceFollowsTheBinding() {
    ModulesService service = ModulesServiceFactory.getModulesService();
    when(modules.getCurrentInstanceId()).thenReturn("0");
    when(modules.getModules()).thenReturn(Set.of("default", "worker"));
    assertThat(service.getCurrentInstanceId()).isEqualTo("0");
    assertThat(service.getModules()).containsExactlyInAnyOrder("default", "worker");

    RuntimeContext other = mock(RuntimeContext.class);
    ModulesService otherModules = mock(ModulesService.class);
    when(other.modulesService()).thenReturn(otherModules);
    when(otherModules.getCurrentInstanceId()).thenReturn("1");
    try (RuntimeBinding nested = RuntimeBinding.bind(other)) {
      assertThat(service.getCurrentInstanceId()).isEqualTo("1");
    }
    assertThat(service.getCurrentInstanceId()).isEqualTo("0");
  }

  @Test
  @DisplayName("R-REQ-5 past the deadline every API call throws, but Environment still answers")
  void deadlineCheckedBeforeEveryCallButEnvironment() {
    doThrow(new DeadlineExceededException("past deadline")).when(context).checkDeadline();
    when(environment.getRemainingMillis()).thenReturn(-5L);

    assertThatThrownBy(() -> LifecycleManager.getInstance().isShuttingDown())
        .isInstanceOf(DeadlineExceededException.class);
    assertThatThrownBy(() -> ThreadManager.createBackgroundThread(() -> {}))
        .isInstanceOf(DeadlineExceededException.class);
    assertThatThrownBy(() -> ModulesServiceFactory.getModulesService().getModules())
        .isInstanceOf(DeadlineExceededException.class);
    assertThatThrownBy(RuntimeStats::current).isInstanceOf(DeadlineExceededException.class);
    assertThat(Environment.current().getRemainingMillis()).isEqualTo(-5L);
  }

  @Test
  @DisplayName("R-API-6 a binding is per thread and restores what was bound before")
  void bindingIsPerThread() throws InterruptedException {
    AtomicReference<RuntimeContext> seenElsewhere = new AtomicReference<>(context);
    Thread thread = new Thread(() -> seenElsewhere.set(RuntimeBinding.currentOrNull()));
    thread.start();
    thread.join(10_000);
    assertThat(seenElsewhere.get()).isNull();
    assertThat(RuntimeBinding.currentOrNull()).isSameAs(context);
  }

  @Test
  @DisplayName("R-API-6 a binding must be closed on its own thread")
  void bindingClosedOnOtherThreadFails() throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try {
        binding.close();
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    thread.start();
    thread.join(10_000);
    assertThat(failure.get()).isInstanceOf(IllegalStateException.class);
    assertThat(RuntimeBinding.currentOrNull()).isSameAs(context);
  }
}
