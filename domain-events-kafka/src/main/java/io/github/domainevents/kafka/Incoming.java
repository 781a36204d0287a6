package io.github.domainevents.kafka;

/**
 * One record read from Kafka, normalized: its CloudEvents {@code type} and the whole CloudEvent as
 * a structured-mode JSON document that a codec can read.
 */
record Incoming(String type, String cloudEventJson) {}
