package io.github.domainevents;

/**
 * Receives handler failures under {@link ErrorPolicy#REPORT_AND_CONTINUE}.
 *
 * <p>It runs on the thread of the failed handler, right after the failure, before the next
 * handler. If it throws, the dispatcher logs its exception (with the handler's failure attached
 * as suppressed) through {@link System.Logger} at {@code ERROR} and goes on with the next
 * handler: a broken error handler never stops delivery.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ErrorHandler {

  /**
   * Handles one failure.
   *
   * @param failure the event, handler and exception
   */
  void handle(HandlerFailure failure);
}
