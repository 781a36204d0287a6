package io.github.domainevents.slf4j.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.slf4j.EventMdc;
import io.github.domainevents.slf4j.outside.Events.EmailSent;
import io.github.domainevents.slf4j.outside.Events.InviteCreated;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The MDC interceptor on synchronous dispatch, seen through a real Logback appender. */
class EventMdcTest {
  private static final Logger LOG = LoggerFactory.getLogger("handlers.sync");
  private static final UUID CORRELATION = UUID.fromString("0190f3a0-0000-7000-8000-000000000001");
  private static final UUID CAUSE = UUID.fromString("0190f3a0-0000-7000-8000-000000000002");

  private final InProcessEventDispatcher dispatcher =
      InProcessEventDispatcher.builder().interceptor(EventMdc.interceptor()).build();
  private LogLines log;

  @BeforeEach
  void captureLogs() {
    MDC.clear();
    log = LogLines.capture("handlers.sync");
  }

  @AfterEach
  void cleanUp() {
    log.close();
    dispatcher.close();
    MDC.clear();
  }

  @Test
  void afterCommitHandlerLogLinesCarryTheEventsIds_otherMdcKeysAreTheCommittersOwn() {
    InviteCreated event =
        new InviteCreated(
            EventHeader.builder().correlationId(CORRELATION).causationId(CAUSE).build(),
            "ada@example.com");
    dispatcher.register(InviteCreated.class, io.github.domainevents.TransactionPhase.AFTER_COMMIT,
        e -> LOG.info("welcome {}", e.email()));

    try (io.github.domainevents.UnitOfWork unit = io.github.domainevents.UnitOfWork.begin()) {
      dispatcher.dispatch(event);
      assertThat(log.lines()).isEmpty();
      MDC.put("tenant", "committer");
      unit.commit();
    }

    assertThat(log.lines())
        .containsExactly(
            "invite.created id=" + event.eventId() + " corr=" + CORRELATION + " cause=" + CAUSE
                + " tenant=committer | welcome ada@example.com");
  }

  @Test
  void handlerLogLinesCarryTheEventsIds() {
    InviteCreated event =
        new InviteCreated(
            EventHeader.builder().correlationId(CORRELATION).causationId(CAUSE).build(),
            "ada@example.com");
    dispatcher.register(InviteCreated.class, e -> LOG.info("welcome {}", e.email()));

    dispatcher.dispatch(event);

    assertThat(log.lines())
        .containsExactly(
            "invite.created id=" + event.eventId() + " corr=" + CORRELATION + " cause=" + CAUSE
                + " tenant=- | welcome ada@example.com");
  }

  @Test
  void keysTheEventHasNoValueForAreAbsentWhileTheHandlerRuns() {
    MDC.put(EventMdc.CORRELATION_ID, "left-by-someone-else");
    MDC.put(EventMdc.CAUSATION_ID, "left-by-someone-else");
    InviteCreated event = new InviteCreated("ada@example.com");
    dispatcher.register(InviteCreated.class, e -> LOG.info("handled"));

    dispatcher.dispatch(event);

    assertThat(log.lines())
        .containsExactly(
            "invite.created id=" + event.eventId() + " corr=- cause=- tenant=- | handled");
    assertThat(MDC.get(EventMdc.CORRELATION_ID)).isEqualTo("left-by-someone-else");
    assertThat(MDC.get(EventMdc.CAUSATION_ID)).isEqualTo("left-by-someone-else");
  }

  @Test
  void otherKeysAreVisibleToTheHandlerAndUntouched() {
    MDC.put("tenant", "acme");
    dispatcher.register(InviteCreated.class, e -> LOG.info("handled"));

    dispatcher.dispatch(new InviteCreated("ada@example.com"));

    assertThat(log.lines()).singleElement().asString().contains("tenant=acme |");
    assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("tenant", "acme"));
  }

  @Test
  void previousMdcIsRestoredExactlyAfterANormalHandler() {
    MDC.put(EventMdc.EVENT_ID, "outer-id");
    MDC.put(EventMdc.EVENT_TYPE, "outer.type");
    MDC.put("tenant", "acme");
    Map<String, String> before = MDC.getCopyOfContextMap();
    dispatcher.register(
        InviteCreated.class,
        e -> {
          MDC.put(EventMdc.CORRELATION_ID, "changed-by-handler");
          LOG.info("handled");
        });

    dispatcher.dispatch(new InviteCreated("ada@example.com"));

    assertThat(MDC.getCopyOfContextMap()).isEqualTo(before);
  }

  @Test
  void previousMdcIsRestoredExactlyAfterAFailingHandler() {
    MDC.put(EventMdc.EVENT_ID, "outer-id");
    MDC.put("tenant", "acme");
    Map<String, String> before = MDC.getCopyOfContextMap();
    IllegalStateException failure = new IllegalStateException("mail server down");
    dispatcher.register(
        InviteCreated.class,
        e -> {
          LOG.info("about to fail");
          throw failure;
        });
    InviteCreated event = new InviteCreated("ada@example.com");

    assertThatThrownBy(() -> dispatcher.dispatch(event)).isSameAs(failure);

    assertThat(log.lines()).singleElement().asString().startsWith("invite.created id=" + event.eventId());
    assertThat(MDC.getCopyOfContextMap()).isEqualTo(before);
  }

  @Test
  void afterAFailingHandlerNoKeyIsLeftOnAThreadThatHadNone() {
    dispatcher.register(
        InviteCreated.class,
        e -> {
          throw new Exception("checked failure");
        });

    assertThatThrownBy(() -> dispatcher.dispatch(new InviteCreated("ada@example.com")))
        .hasRootCauseMessage("checked failure");

    assertThat(mdcOrEmpty()).isEmpty();
  }

  @Test
  void nestedDispatchShowsTheInnerEventThenTheOuterAgain() {
    dispatcher.register(
        InviteCreated.class,
        e -> {
          LOG.info("outer before");
          dispatcher.dispatch(new EmailSent(e.email()));
          LOG.info("outer after");
        });
    dispatcher.register(EmailSent.class, e -> LOG.info("inner"));
    InviteCreated outer = new InviteCreated("ada@example.com");

    dispatcher.dispatch(outer);

    String outerIds = "invite.created id=" + outer.eventId() + " corr=- cause=- tenant=- | ";
    assertThat(log.lines()).hasSize(3);
    assertThat(log.lines().get(0)).isEqualTo(outerIds + "outer before");
    assertThat(log.lines().get(1))
        .startsWith("email.sent id=")
        .doesNotContain(outer.eventId() + " corr")
        .endsWith(
            " corr=" + outer.eventId() + " cause=" + outer.eventId() + " tenant=- | inner");
    assertThat(log.lines().get(2)).isEqualTo(outerIds + "outer after");
    assertThat(mdcOrEmpty()).isEmpty();
  }

  @Test
  void noMdcAtDispatchIsFine() {
    MDC.clear();
    dispatcher.register(InviteCreated.class, e -> LOG.info("handled"));
    InviteCreated event = new InviteCreated("ada@example.com");

    dispatcher.dispatch(event);

    assertThat(log.lines()).singleElement().asString().startsWith("invite.created id=" + event.eventId());
    assertThat(mdcOrEmpty()).isEmpty();
  }

  @Test
  void everyHandlerOfADispatchSeesTheSameValues() {
    dispatcher.register(InviteCreated.class, e -> LOG.info("first"));
    dispatcher.register(InviteCreated.class, e -> LOG.info("second"));
    InviteCreated event = new InviteCreated("ada@example.com");

    dispatcher.dispatch(event);

    String ids = "invite.created id=" + event.eventId() + " corr=- cause=- tenant=- | ";
    assertThat(log.lines()).containsExactly(ids + "first", ids + "second");
  }

  @Test
  void interceptorIsOneSharedInstance() {
    assertThat(EventMdc.interceptor()).isSameAs(EventMdc.interceptor());
    assertThat(EventMdc.interceptor()).hasToString("EventMdc.interceptor()");
  }

  private static Map<String, String> mdcOrEmpty() {
    Map<String, String> copy = MDC.getCopyOfContextMap();
    return copy == null ? new HashMap<>() : copy;
  }
}
