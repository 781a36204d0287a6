package io.github.domainevents;

/**
 * Binds an {@link InProcessEventDispatcher} to units of work (transactions) of some kind: the
 * service provider interface that integrations implement (Spring's transaction synchronization,
 * JTA, jOOQ). Set with {@link InProcessEventDispatcher.Builder#unitOfWorkSupport}; the default
 * is {@link UnitOfWork#support()}, the units plain Java code drives.
 *
 * <p>The dispatcher asks {@link #isActive()} only when an event has phase-bound handlers, and
 * registers one {@link UnitOfWorkSynchronization} per such dispatch. The rules about phases
 * (which handlers run when, events raised by phase handlers, loops, failures) live in the
 * dispatcher; an implementation only translates its framework's callbacks. The dispatcher adds
 * events raised by its own before-commit handlers to the synchronization already running, so it
 * needs no registration during the before-commit round; but other synchronizations do (the
 * outbox registers a veto when an event raised there cannot be written), so an implementation
 * should call {@code beforeCommit} on synchronizations registered while other synchronizations'
 * {@code beforeCommit} runs, in the same round, as {@link UnitOfWork} does. And while the
 * dispatcher's after-commit, after-rollback and after-completion handlers run, it treats the
 * thread as having no unit of work, even if {@code isActive()} still says true (Spring's does
 * until the transaction is cleaned up), so that no event is registered on a unit that will never
 * call it again. A {@link UnitOfWork} begun by such a handler is seen; a unit the handler begins
 * through the framework itself (say, Spring's {@code REQUIRES_NEW}) is not, in this version:
 * events it dispatches follow the {@link NoUnitOfWorkPolicy}.
 *
 * <p>Spring's {@code TransactionSynchronizationManager} maps almost directly: {@code isActive()}
 * is {@code isSynchronizationActive()}, and the callbacks are a {@code
 * TransactionSynchronization}'s {@code beforeCommit}, {@code afterCommit} and {@code
 * afterCompletion(status)} (with {@code status == STATUS_COMMITTED}). But Spring calls {@code
 * beforeCommit} on a snapshot taken as its round starts, so one Spring synchronization per
 * registration would miss those registered during the round; the Spring Boot starter registers
 * one Spring synchronization per transaction that calls the given ones in order, in a loop that
 * picks up registrations made while it runs.
 *
 * <p>Implementations must be safe for concurrent use; units of work are bound to threads.
 *
 * @since 0.1.0
 */
public interface UnitOfWorkSupport {

  /**
   * Tells whether a unit of work that accepts synchronizations is active on the calling thread.
   *
   * @return true if {@link #registerSynchronization} may be called now
   */
  boolean isActive();

  /**
   * Registers {@code synchronization} on the unit of work active on the calling thread, to be
   * called as described in {@link UnitOfWorkSynchronization}, in registration order.
   *
   * @param synchronization the callbacks
   * @throws IllegalStateException if no unit of work is active on the calling thread
   */
  void registerSynchronization(UnitOfWorkSynchronization synchronization);
}
