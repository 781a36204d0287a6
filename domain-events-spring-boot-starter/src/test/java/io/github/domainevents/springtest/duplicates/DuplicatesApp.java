package io.github.domainevents.springtest.duplicates;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** An application with two event classes of the same name: its startup must fail. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class DuplicatesApp {

  /** The first. */
  @EventType("member.joined")
  public record Joined(EventHeader header) implements DomainEvent {}

  /** The second, by mistake under the same name. */
  @EventType("member.joined")
  public record AlsoJoined(EventHeader header) implements DomainEvent {}
}
