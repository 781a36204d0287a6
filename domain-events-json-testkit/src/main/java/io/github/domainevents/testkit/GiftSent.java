package io.github.domainevents.testkit;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** A fixture for exact numbers and strict types: money, big integers, an enum, a boolean. */
@EventType("gift.sent")
public record GiftSent(
    EventHeader header,
    long inviteId,
    BigDecimal amount,
    BigInteger units,
    Currency currency,
    boolean gift,
    Map<String, Object> extra)
    implements DomainEvent {

  /** The currencies a gift may be sent in. */
  public enum Currency {
    EUR,
    USD
  }
}
