package io.github.domainevents;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a handler, for {@link InProcessEventDispatcher#registerAll(Object)}.
 *
 * <pre>{@code
 * public final class InviteHandlers {
 *   @HandleEvent
 *   public void sendWelcomeMail(InviteCreated event) { ... }
 *
 *   @HandleEvent(priority = 10) // runs before priority-0 handlers of the same event
 *   public void warmCache(InviteCreated event) { ... }
 *
 *   @HandleEvent(phase = TransactionPhase.AFTER_COMMIT) // only once the invite is committed
 *   public void notifyTeam(InviteCreated event) { ... }
 * }
 * }</pre>
 *
 * <p>The method must be public, non-static, and take exactly one parameter whose type is a
 * {@link DomainEvent} subtype (class or interface); it receives events of that type and its
 * subtypes. Its return value, if any, is ignored. A method that breaks these rules makes {@code
 * registerAll} fail with an {@link IllegalArgumentException} naming it. Annotated methods of
 * superclasses count too; an overridden method is registered once, as its override. Where the
 * override goes through a generic bridge (a superclass's {@code on(E event)} overridden by {@code
 * on(InviteCreated event)}), the override must carry the annotation itself. The method is invoked
 * through a {@link java.lang.invoke.MethodHandle} resolved once at registration, not through
 * reflection on each event.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HandleEvent {
  /**
   * The handler's priority: handlers with a higher priority run first; equal priorities run in
   * registration order (for methods of one listener: sorted by method name).
   *
   * @return the priority, {@code 0} by default
   */
  int priority() default 0;

  /**
   * When the handler runs relative to the unit of work in which its event is dispatched; see
   * {@link TransactionPhase}.
   *
   * @return the phase, {@link TransactionPhase#IMMEDIATE} by default
   * @since 0.1.0
   */
  TransactionPhase phase() default TransactionPhase.IMMEDIATE;
}
