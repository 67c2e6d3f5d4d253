/**
 * The benchmarks of SPEC §11, run by {@code bench/run.sh} and explained in {@code docs/BENCHMARKS.md}: the
 * hello-world servers of R-PERF-1 and the summary of their {@code wrk} runs, the waiting-request driver and
 * server JVMs of R-PERF-2, the instance start and stop timing of R-PERF-3, the launcher's cold starts of
 * R-PERF-4 ({@code LauncherStart}), and (in {@code .jmh}) JMH microbenchmarks of the admission queue and the
 * environment lookup. Nothing here is a test: figures are printed, never asserted.
 */
package dev.resident.bench;
