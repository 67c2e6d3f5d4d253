/**
 * The App Engine-shaped runtime API: {@link dev.resident.api.LifecycleManager},
 * {@link dev.resident.api.ThreadManager}, {@link dev.resident.api.Environment},
 * {@link dev.resident.api.RuntimeStats} and {@link dev.resident.api.DeadlineExceededException}.
 *
 * <p>Every call answers for the instance that the calling thread belongs to: a request thread, a thread made
 * by {@code ThreadManager}, or a test thread with an environment bound by {@code runtime-testing}. On any
 * other thread a call throws {@link java.lang.IllegalStateException} saying which threads may call it.
 * Moving code off App Engine is a change of imports: {@code com.google.appengine.api.LifecycleManager}
 * becomes {@code dev.resident.api.LifecycleManager}, and so on.
 */
package dev.resident.api;
