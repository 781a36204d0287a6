package io.github.domainevents;

import java.util.Map;

/**
 * Adds metadata to every event header made by {@link EventHeader#create()} (and so by {@link
 * EventHeader#builder()} and {@code new BaseDomainEvent()}): the hook through which integrations
 * such as tracing store context (a W3C {@code traceparent}, a tenant id) in new events.
 *
 * <p>Install one with {@link EventDefaults#addMetadataContributor(MetadataContributor)}.
 * Contributors run on the thread creating the event, in the order added, and must be fast and
 * safe for concurrent use. What they put is validated like any metadata; what they throw
 * propagates from the call that creates the event. Headers made with {@link EventHeader#of} (for
 * example when reading JSON) are not touched.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MetadataContributor {

  /**
   * Puts entries into the metadata of a header being created.
   *
   * @param metadata the entries so far, in order; a mutable map for this one header
   */
  void contribute(Map<String, Object> metadata);
}
