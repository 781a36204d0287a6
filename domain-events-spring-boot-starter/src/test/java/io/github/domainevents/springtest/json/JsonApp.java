package io.github.domainevents.springtest.json;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** An application whose package holds one event class, for the JSON auto-configuration tests. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class JsonApp {

  /** The one event of this application. */
  @EventType("member.joined")
  public record MemberJoined(EventHeader header, String name) implements DomainEvent {
    /**
     * Creates the event.
     *
     * @param name who joined
     */
    public MemberJoined(String name) {
      this(EventHeader.create(), name);
    }
  }
}
