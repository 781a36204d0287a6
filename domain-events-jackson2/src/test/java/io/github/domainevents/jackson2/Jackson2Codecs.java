package io.github.domainevents.jackson2;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.testkit.CodecConfig;
import io.github.domainevents.testkit.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;

/** The Jackson 2 implementation of the shared contract tests' codec. */
final class Jackson2Codecs implements EventCodec.Factory {
  @Override
  public EventCodec facade(CodecConfig config) {
    EventJson.Builder builder =
        EventJson.builder(config.registry()).readOptions(config.options());
    if (config.source() != null) {
      builder.cloudEventsSource(config.source());
    }
    if (!config.snakeCase()) {
      builder.mapper(JsonMapper.builder().addModule(new ParameterNamesModule()).build());
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
        JsonMapper.builder()
            .addModule(new DomainEventModule(config.registry(), config.options()))
            .addModule(new ParameterNamesModule());
    if (config.snakeCase()) {
      builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }
    JsonMapper mapper = builder.build();
    return new EventCodec() {
      @Override
      public String toJson(DomainEvent event) {
        try {
          return mapper.writeValueAsString(event);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public DomainEvent fromJson(String text) {
        return fromJson(text, DomainEvent.class);
      }

      @Override
      public <E extends DomainEvent> E fromJson(String text, Class<E> type) {
        try {
          return mapper.readValue(text, type);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
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
