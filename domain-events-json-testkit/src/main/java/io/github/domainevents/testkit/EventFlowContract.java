package io.github.domainevents.testkit;

import static io.github.domainevents.test.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.DomainEventsExtension;
import io.github.domainevents.test.EventCapture;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events on their way through JSON and back into a dispatcher, checked with the test kit
 * ({@code domain-events-test}): the kit's fixed clock and ids make a fresh event's JSON exact,
 * and its capture shows that an event read from the wire causes its follow-ups like any other.
 * Every JSON module runs it over its facade.
 */
@ExtendWith(DomainEventsExtension.class)
public abstract class EventFlowContract {
  /**
   * @return the module's codecs
   */
  protected abstract EventCodec.Factory codecs();

  private EventCodec json() {
    return codecs().facade(CodecConfig.defaults());
  }

  @Test
  void aFreshEventWritesTheTestsFixedIdAndTime() {
    String written =
        json().toJson(new InviteCreated(EventHeader.create(), 42, "tok", "ada@example.com"));

    assertThat(written)
        .contains("\"event_id\":\"00000000-0000-0000-0000-000000000001\"")
        .contains("\"occurred_at\":\"2026-01-01T00:00:00");
  }

  @Test
  void anEventReadFromTheWireCausesItsFollowUps(CapturedEvents events) {
    EventCodec json = json();
    InProcessEventDispatcher dispatcher =
        EventCapture.instrument(InProcessEventDispatcher.builder()).build();
    dispatcher.register(InviteCreated.class,
        invite -> dispatcher.dispatch(new InviteAccepted(invite.inviteId(), invite.email())));
    UUID request = UUID.fromString("0b5e7a1c-2d3f-4e5a-8b6c-7d8e9f0a1b2c");
    String wire = json.toJson(new InviteCreated(
        EventHeader.builder().correlationId(request).build(), 7, "tok", "bob@example.com"));

    dispatcher.dispatch(json.fromJson(wire));

    assertThat(events)
        .hasCausalTree("""
            invite.created
              invite.accepted
            """)
        .event(InviteAccepted.class)
        .isCausedBy(InviteCreated.class)
        .hasCorrelationId(request);
  }
}
