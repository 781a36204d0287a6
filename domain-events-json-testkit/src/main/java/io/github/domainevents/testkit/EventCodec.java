package io.github.domainevents.testkit;

import io.github.domainevents.DomainEvent;

/** The operations under test, implemented by each JSON module over its own entry points. */
public interface EventCodec {
  String toJson(DomainEvent event);

  DomainEvent fromJson(String json);

  <E extends DomainEvent> E fromJson(String json, Class<E> type);

  String toCloudEvent(DomainEvent event);

  DomainEvent fromCloudEvent(String json);

  /**
   * Makes codecs for the contract tests; one implementation per JSON module.
   */
  interface Factory {
    /**
     * Returns a codec over the module's facade.
     *
     * @param config registry, options, naming and CloudEvents source
     */
    EventCodec facade(CodecConfig config);

    /**
     * Returns a codec that uses only the module's Jackson {@code Module} on a mapper the test
     * built (as an application would): {@code writeValueAsString} and {@code readValue(json,
     * DomainEvent.class)}. CloudEvents operations may throw {@link UnsupportedOperationException}.
     * Failures surface as the module's Jackson exceptions.
     */
    EventCodec moduleOnly(CodecConfig config);
  }
}
