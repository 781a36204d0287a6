package io.github.domainevents.jackson;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.testkit.CodecConfig;
import io.github.domainevents.testkit.EventCodec;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The Jackson 3 implementation of the shared contract tests' codec. */
final class Jackson3Codecs implements EventCodec.Factory {
  @Override
  public EventCodec facade(CodecConfig config) {
    EventJson.Builder builder =
        EventJson.builder(config.registry()).readOptions(config.options());
    if (config.source() != null) {
      builder.cloudEventsSource(config.source());
    }
    if (!config.snakeCase()) {
      builder.mapper(JsonMapper.builder().build());
    }
    EventJson json = builder.build();
    return new EventCodec() {
      @Override
      public String toJson(DomainEvent event) {
        return json.toJson(event);
      }

      @Override
      public DomainEvent fromJson(String text) {
        return json.fromJson(text);
      }

      @Override
      public <E extends DomainEvent> E fromJson(String text, Class<E> type) {
        return json.fromJson(text, type);
      }

      @Override
      public String toCloudEvent(DomainEvent event) {
        return json.toCloudEvent(event);
      }

      @Override
      public DomainEvent fromCloudEvent(String text) {
        return json.fromCloudEvent(text);
      }
    };
  }

  @Override
  public EventCodec moduleOnly(CodecConfig config) {
    JsonMapper.Builder builder =
        JsonMapper.builder().addModule(new DomainEventModule(config.registry(), config.options()));
    if (config.snakeCase()) {
      builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }
    JsonMapper mapper = builder.build();
    return new EventCodec() {
      @Override
      public String toJson(DomainEvent event) {
        return mapper.writeValueAsString(event);
      }

      @Override
      public DomainEvent fromJson(String text) {
        return mapper.readValue(text, DomainEvent.class);
      }

      @Override
      public <E extends DomainEvent> E fromJson(String text, Class<E> type) {
        return mapper.readValue(text, type);
      }

      @Override
      public String toCloudEvent(DomainEvent event) {
        throw new UnsupportedOperationException();
      }

      @Override
      public DomainEvent fromCloudEvent(String text) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
