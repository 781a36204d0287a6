package io.github.domainevents;

import io.github.domainevents.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The asynchronous side of a dispatcher: which executor runs dispatches, which are in flight,
 * and shutting down.
 *
 * <p>Every accepted dispatch is tracked until its future completes, so {@link #close} can wait
 * for it and name it if it does not finish. The ambient context of the submitting thread is
 * installed on the executor thread for the task and the executor thread's own context is put
 * back afterwards, so nothing leaks into a pooled thread.
 */
final class AsyncDispatches {
  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final @Nullable Executor configured;
  private final ReentrantLock creationLock = new ReentrantLock();
  private volatile @Nullable ExecutorService owned;
  private final Set<Task> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  AsyncDispatches(@Nullable Executor configured) {
    this.configured = configured;
  }

  boolean isClosed() {
    return closed;
  }

  /**
   * Schedules {@code work}, to run with {@code context} installed.
   *
   * @throws IllegalStateException if closed; nothing is scheduled
   */
  CompletableFuture<DispatchReport> submit(
      DomainEvent event, AmbientContext.Captured context, Supplier<DispatchReport> work) {
    Checks.requireState(!closed, closedMessage(event));
    Task task = new Task(event, context, work);
    inFlight.add(task);
    if (closed) { // close() began between the check and the add: undo, as if never accepted
      inFlight.remove(task);
      IllegalStateException refused = new IllegalStateException(closedMessage(event));
      task.future.completeExceptionally(refused);
      throw refused;
    }
    try {
      executor().execute(task);
    } catch (RuntimeException rejected) { // not only RejectedExecutionException: never lost
      inFlight.remove(task);
      task.future.completeExceptionally(
          new RejectedExecutionException(
              "the executor rejected the asynchronous dispatch of " + event.eventType() + " "
                  + event.eventId(),
              rejected));
    }
    return task.future;
  }

  /**
   * Stops accepting work, waits up to {@code timeout} for what is in flight, and shuts down the
   * executor if this class created it. A dispatch whose handler called this is not waited for
   * (it cannot finish before this returns) and is among the unfinished.
   *
   * @return the events whose dispatch had not finished when the time was up
   */
  List<DomainEvent> close(Duration timeout) {
    closed = true;
    List<Task> pending = new ArrayList<>(inFlight);
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Task task : pending) {
      if (task.runner == Thread.currentThread()) {
        continue; // close() called by this dispatch's own handler: waiting would only time out
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        break;
      }
      try {
        task.future.get(remaining, TimeUnit.NANOSECONDS);
      } catch (ExecutionException | CancellationException failedButFinished) {
        // the failure was delivered to the caller through the future
      } catch (TimeoutException stillRunning) {
        break;
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    ExecutorService ours;
    creationLock.lock(); // so that a pool created by a racing first dispatchAsync is seen here
    try {
      ours = owned;
    } finally {
      creationLock.unlock();
    }
    if (ours != null) {
      ours.shutdown();
    }
    List<DomainEvent> unfinished = new ArrayList<>();
    for (Task task : pending) {
      if (!task.future.isDone()) {
        unfinished.add(task.event);
      }
    }
    return unfinished;
  }

  private Executor executor() {
    Executor chosen = configured;
    if (chosen != null) {
      return chosen;
    }
    ExecutorService existing = owned;
    if (existing != null) {
      return existing;
    }
    creationLock.lock();
    try {
      ExecutorService created = owned;
      if (created == null) {
        if (closed) { // never create a pool that close() has already looked for
          throw new RejectedExecutionException("the dispatcher was closed");
        }
        created = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), daemonThreads());
        owned = created;
      }
      return created;
    } finally {
      creationLock.unlock();
    }
  }

  private static ThreadFactory daemonThreads() {
    String prefix = "domain-events-async-" + POOL_NUMBER.incrementAndGet() + "-";
    AtomicInteger threadNumber = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + threadNumber.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static String closedMessage(DomainEvent event) {
    return "the dispatcher is closed and accepts no asynchronous dispatch; " + event.eventType()
        + " " + event.eventId() + " was not scheduled";
  }

  /** One accepted asynchronous dispatch. */
  private final class Task implements Runnable {
    final DomainEvent event;
    final AmbientContext.Captured context;
    final Supplier<DispatchReport> work;
    final CompletableFuture<DispatchReport> future = new CompletableFuture<>();
    volatile @Nullable Thread runner;

    Task(DomainEvent event, AmbientContext.Captured context, Supplier<DispatchReport> work) {
      this.event = event;
      this.context = context;
      this.work = work;
    }

    @Override
    public void run() {
      runner = Thread.currentThread();
      try {
        context.run(this::complete);
      } finally {
        inFlight.remove(this);
        runner = null;
      }
    }

    /** Runs the work and completes the future with its outcome, whatever it is. */
    private void complete() {
      try {
        future.complete(work.get());
      } catch (Throwable failure) {
        future.completeExceptionally(failure);
        if (failure instanceof VirtualMachineError fatal) {
          throw fatal;
        }
      }
    }
  }
}
