package io.github.domainevents.opentelemetry.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.opentelemetry.EventSpans;
import io.github.domainevents.wire.CloudEventsFormat;
import org.junit.jupiter.api.Test;

/**
 * The trace context this module keeps in metadata is the one the CloudEvents mapping carries as
 * the distributed-tracing extension: the keys must stay the same.
 */
class CloudEventsTracingKeysTest {
  @Test
  void theMetadataKeys_areTheCloudEventsTracingAttributes() {
    assertThat(EventSpans.TRACEPARENT).isEqualTo(CloudEventsFormat.TRACEPARENT);
    assertThat(EventSpans.TRACESTATE).isEqualTo(CloudEventsFormat.TRACESTATE);
  }
}
