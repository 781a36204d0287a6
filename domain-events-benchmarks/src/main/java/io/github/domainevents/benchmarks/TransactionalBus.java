package io.github.domainevents.benchmarks;

/**
 * The adapter of {@link UnitOfWorkBenchmark}: a bus with one after-commit handler, and one
 * operation that begins a transaction (unit of work), publishes one event in it and commits,
 * after which the handler runs.
 */
interface TransactionalBus extends AutoCloseable {

  /** Begins a transaction, publishes {@code event} in it, commits (running the handler). */
  void publishAndCommit(Object event);

  /** Begins a transaction, publishes {@code event} in it, rolls back (the handler must not run). */
  void publishAndRollBack(Object event);

  @Override
  void close();
}
