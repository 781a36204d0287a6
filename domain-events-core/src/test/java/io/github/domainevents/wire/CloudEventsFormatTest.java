package io.github.domainevents.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudEventsFormatTest {
  private static Map<String, Object> valid() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("specversion", "1.0");
    attributes.put("id", "0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b");
    attributes.put("source", "/invites");
    attributes.put("type", "invite.created");
    attributes.put("time", "2025-01-15T10:30:00Z");
    return attributes;
  }

  @Test
  void acceptsAValidEvent() {
    assertThat(Push.cloudEvent(valid(), ReadOptions.defaults()).type()).isEqualTo("invite.created");
  }

  @ParameterizedTest
  @ValueSource(strings = {"specversion", "id", "source", "type"})
  void requiredAttributes_mustBePresent(String name) {
    Map<String, Object> attributes = valid();
    attributes.remove(name);
    assertThatThrownBy(() -> Push.cloudEvent(attributes, ReadOptions.defaults()).type())
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Correlation", "correlation_id", "trace-parent", "x"})
  void invalidOrUnknownAttributeNames_areRejected(String name) {
    Map<String, Object> attributes = valid();
    attributes.put(name, "v");
    assertThatThrownBy(() -> Push.cloudEvent(attributes, ReadOptions.defaults()).type())
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining(name);
  }

  @Test
  void wrongSpecVersionOrContentType_isRejected() {
    Map<String, Object> attributes = valid();
    attributes.put("specversion", "0.3");
    assertThatThrownBy(() -> Push.cloudEvent(attributes, ReadOptions.defaults()).type())
        .hasMessageContaining("specversion must be \"1.0\"");
    Map<String, Object> xml = valid();
    xml.put("datacontenttype", "application/xml");
    assertThatThrownBy(() -> Push.cloudEvent(xml, ReadOptions.defaults()).type())
        .hasMessageContaining("datacontenttype");
  }

  @Test
  void attributeNameRule_isLowerCaseAlphanumerics() {
    assertThat(CloudEventsFormat.isValidAttributeName("correlationid")).isTrue();
    assertThat(CloudEventsFormat.isValidAttributeName("abc123")).isTrue();
    assertThat(CloudEventsFormat.isValidAttributeName("")).isFalse();
    assertThat(CloudEventsFormat.isValidAttributeName("camelCase")).isFalse();
  }
}
