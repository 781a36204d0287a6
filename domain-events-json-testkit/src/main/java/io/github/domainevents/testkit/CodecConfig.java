package io.github.domainevents.testkit;

import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.wire.ReadOptions;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * How a codec under test is set up.
 *
 * @param registry the registered event types
 * @param options read limits and policies
 * @param snakeCase true for a SNAKE_CASE mapper (the seed's field names, the facade's default);
 *     false for a mapper without naming strategy (Java field names), passed in explicitly
 * @param source the CloudEvents source, or null to configure none
 */
public record CodecConfig(
    EventTypeRegistry registry, ReadOptions options, boolean snakeCase, @Nullable URI source) {

  /** The registry holding every fixture event except {@link Gadget}. */
  public static final EventTypeRegistry FIXTURES =
      EventTypeRegistry.of(InviteCreated.class, InviteAccepted.class, ProfileUpdated.class);

  /** The default setup: the fixtures, default options, SNAKE_CASE, source {@code /invites}. */
  public static CodecConfig defaults() {
    return new CodecConfig(FIXTURES, ReadOptions.defaults(), true, URI.create("/invites"));
  }

  public CodecConfig withOptions(ReadOptions newOptions) {
    return new CodecConfig(registry, newOptions, snakeCase, source);
  }

  public CodecConfig withoutSource() {
    return new CodecConfig(registry, options, snakeCase, null);
  }

  public CodecConfig withSnakeCase(boolean snake) {
    return new CodecConfig(registry, options, snake, source);
  }
}
