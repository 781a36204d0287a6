package io.github.domainevents.examples.readme;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.trace.EventTrace;
import io.opentelemetry.api.OpenTelemetry;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The variables and methods the README's code fragments use without declaring them ({@code
 * dispatcher}, {@code metrics}, {@code openTelemetry}, {@code requestIdOf}...); the types are in
 * {@link ReadmeTypes}. Fragments of statements or methods are compiled inside a class extending
 * this one (see {@link ReadmeJavaBlocksTest}); a fragment that declares a name itself shadows the
 * one here. Nothing here runs: the fragments are only compiled.
 */
@SuppressWarnings({"unused", "NullAway"})
public abstract class ReadmeContext implements ReadmeTypes {
  protected InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
  protected EventTrace trace = EventTrace.create();
  protected Metrics metrics = name -> {};
  protected Cache cache = inviteId -> {};
  protected Log log = (format, arguments) -> {};
  protected Invites invites = invite -> {};
  protected Mailer mailer = email -> {};
  protected Invite invite = new Invite();
  protected DomainEvent event = new InviteCreated(42, "ada@example.com");
  protected EventTypeRegistry registry = EventTypeRegistry.of(InviteCreated.class);
  protected String text = "{}";
  protected ExecutorService pool = Executors.newSingleThreadExecutor();
  protected OpenTelemetry openTelemetry = OpenTelemetry.noop();
  protected JsonMapper springJsonMapper = JsonMapper.builder().build();

  /** Reads the request id a gateway put into a header. */
  protected UUID requestIdOf(HttpServletRequest request) {
    return UUID.randomUUID();
  }
}
