package io.github.domainevents;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives an event class a stable, public name: its {@linkplain DomainEvent#eventType() event type}.
 *
 * <p>The name exists to abstract away from the Java type system and to guard against
 * refactorings: renaming or moving {@code InviteCreated} must not change what other services,
 * stored JSON or log queries know it as. Without this annotation an event's type is its class's
 * simple name, which changes with every rename.
 *
 * <p>The value must be non-blank and must not contain white space (dots, dashes and
 * underscores are fine: {@code "invite.created"}). A bad value is reported with an {@link
 * IllegalArgumentException} naming the class the first time the type is used ({@link
 * DomainEvent#eventType()}, registration or dispatch). The annotation is not inherited: a
 * subclass of an annotated event has its own type.
 *
 * <pre>{@code
 * @EventType("invite.created")
 * public record InviteCreated(EventHeader header, long inviteId, String email)
 *     implements DomainEvent {}
 * }</pre>
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
  /**
   * The event type name, for example {@code "invite.created"}.
   *
   * @return the non-blank name, without white space
   */
  String value();
}
