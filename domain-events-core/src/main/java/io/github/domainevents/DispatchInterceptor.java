package io.github.domainevents;

/**
 * Around-advice for every handler invocation: the place where logging, metrics, MDC and
 * tracing plug into an {@link InProcessEventDispatcher}.
 *
 * <pre>{@code
 * DispatchInterceptor timing = (event, handler, next) -> {
 *   long start = System.nanoTime();
 *   try {
 *     next.proceed(event);
 *   } finally {
 *     metrics.record(handler.description(), System.nanoTime() - start);
 *   }
 * };
 * }</pre>
 *
 * <p>An interceptor must call {@code next.proceed(event)} at most once, with the event it
 * received; not calling it skips the handler (the dispatch counts it as succeeded). Whatever it
 * throws, or lets through from {@code proceed}, is the handler's failure and goes to the
 * dispatcher's error policy. Interceptors run on the thread that runs the handler, in the order
 * they were added to the builder (the first added is outermost), inside the handler's causal
 * context. The chain is built once per registration, so an interceptor adds no allocation per
 * event; with no interceptor configured there is no cost at all.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface DispatchInterceptor {

  /**
   * Runs around one handler invocation.
   *
   * @param event the event being handled
   * @param handler the handler about to run
   * @param next the rest of the chain, ending in the handler
   * @throws Exception the handler's or the interceptor's failure
   */
  void intercept(DomainEvent event, HandlerInfo handler, Next next) throws Exception;

  /**
   * The rest of an interceptor chain.
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  interface Next {
    /**
     * Runs the next interceptor, or the handler itself.
     *
     * @param event the event received by the calling interceptor
     * @throws Exception what the handler or a later interceptor threw
     */
    void proceed(DomainEvent event) throws Exception;
  }
}
