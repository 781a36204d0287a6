package io.github.domainevents.spring.boot;

import io.github.domainevents.outbox.OutboxRelay;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the relay's polling when the context has started and closes the relay when it stops:
 * the round in progress finishes (up to the lease duration) while the {@code DataSource} and the
 * sink are still open, since Spring stops lifecycle beans before it destroys any bean. The relay
 * bean stays usable for operators afterwards ({@code deadMessages}, {@code requeue}), but its
 * polling cannot start again, so restarting a stopped context fails with an {@link
 * IllegalStateException}.
 */
final class OutboxRelayLifecycle implements SmartLifecycle {
  private final OutboxRelay relay;
  private final Duration pollInterval;
  private volatile boolean running;

  OutboxRelayLifecycle(OutboxRelay relay, Duration pollInterval) {
    this.relay = relay;
    this.pollInterval = pollInterval;
  }

  @Override
  public void start() {
    relay.start(pollInterval);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    relay.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
