package io.github.domainevents.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The wording every codec shares for its own failures. */
class CodecFailuresTest {
  @EventType("edge")
  record Edge(EventHeader header) implements DomainEvent {}

  @Test
  void theProtocolsOwnException_isFoundAnywhereInTheCauseChain() {
    EventFormatException format = new EventFormatException("f", "bad");
    UnknownEventTypeException unknown = new UnknownEventTypeException("x");
    assertThat(CodecFailures.protocolCause(new IOException(new RuntimeException(format))))
        .isSameAs(format);
    assertThat(CodecFailures.protocolCause(unknown)).isSameAs(unknown);
    assertThat(CodecFailures.protocolCause(new IOException("plain"))).isNull();
  }

  @Test
  void eachFailure_isWordedOnce_keepingTheCodecsExceptionAsCause() {
    IOException cause = new IOException("codec");

    EventFormatException creator = CodecFailures.unnamedCreator("a.B", "no names", cause);
    assertThat(creator).hasMessage("cannot read a.B: its @JsonCreator constructor has several"
        + " parameters and their names are unknown; compile with -parameters or annotate each"
        + " parameter with @JsonProperty (Jackson: no names)").hasCause(cause);
    assertThat(creator.field()).isNull();

    EventFormatException duplicate = CodecFailures.duplicateKey("k", cause);
    assertThat(duplicate).hasMessage("'k' appears twice; duplicate keys are rejected")
        .hasCause(cause);
    assertThat(duplicate.field()).isEqualTo("k");

    EventFormatException limit = CodecFailures.beyondLimit("f", "too long", cause);
    assertThat(limit).hasMessage("the JSON exceeds a read limit (ReadOptions): too long");
    assertThat(limit.field()).isEqualTo("f");

    assertThat(CodecFailures.unreadable("f.g", "oops", cause))
        .hasMessage("cannot read the event (field f.g): oops").hasCause(cause);
    assertThat(CodecFailures.unreadable(null, "oops", cause))
        .hasMessage("cannot read the event: oops");
  }

  @Test
  void aWriteFailure_passesTheProtocolsArgumentErrorThrough_orNamesTheClass() {
    Edge edge = new Edge(EventHeader.create());
    IllegalArgumentException protocol = new IllegalArgumentException("not registered");
    IOException wrapping = new IOException("codec", protocol);

    assertThat(CodecFailures.unwritable(edge, "JSON", "codec", wrapping)).isSameAs(protocol);
    IOException plain = new IOException("codec");
    assertThat(CodecFailures.unwritable(edge, "a CloudEvent", "boom", plain))
        .hasMessage("cannot write " + Edge.class.getName() + " as a CloudEvent: boom")
        .hasCause(plain);
  }
}
