package io.github.domainevents.testkit;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A fixture with richer field types: UUID, list, map, boolean, double, nullable string. */
@EventType("profile.updated")
public record ProfileUpdated(
    EventHeader header,
    UUID userId,
    String displayName,
    List<String> tags,
    Map<String, Integer> scores,
    boolean active,
    double rating,
    String note)
    implements DomainEvent {}
